/**
 * ASTERIX (EUROCONTROL surveillance data exchange) decoding: CAT021, CAT034, CAT048, CAT062, CAT065, CAT240.
 *
 * <p><b>Definitions.</b> Item structures, names, LSBs and units are data: one definition per edition
 * ({@code editions/catCCC-x.y.txt} in this package's resources) and the list of editions
 * ({@code editions/editions.txt}), generated from the BSD-3-Clause asterix-specs definitions by
 * {@code ingest/src/build/asterix/generate_all.sh} (the .ast text read by {@code ast_to_json.py}, checked to give
 * byte-identical tables to the JSON export where both exist) and read by one interpreter,
 * {@link org.skydas.ingest.asterix.EditionReader} (docs/adr/0018-asterix-editions-as-data.md): CAT021 2.6,
 * CAT034 1.27–1.29, CAT048 1.27–1.32, CAT062 1.16–1.21, CAT065 1.4–1.6, CAT240 1.3. One erratum is applied:
 * I048/090 FL is signed (asterix-specs corrected it in CAT048 1.32). Editions are configuration
 * ({@link org.skydas.ingest.asterix.AsterixEditions}), never guessed from the data. The GPL Croatia Control XML
 * is not used.
 *
 * <p><b>Decoding.</b> {@link org.skydas.ingest.asterix.AsterixDecoder} walks data blocks and records into a
 * reused {@link org.skydas.ingest.asterix.AsterixRecord} view (item offsets only, nothing allocated per record).
 * Values are read on demand: typed readers ({@link org.skydas.ingest.asterix.Cat048Plots},
 * {@link org.skydas.ingest.asterix.Cat062Tracks}) or JSON for dumps. Undecodable input is reported with a reason
 * and skipped to the next data block; nothing throws on bad input.
 *
 * <p><b>JSON</b> ({@link org.skydas.ingest.asterix.AsterixDumper}): one object per record,
 * {@code {"category":48,"edition":"1.31","items":{"I048/010":{"SAC":25,"SIC":201},"I048/140":27354.6015625,...}}}.
 * Items in UAP order; a single element without named fields is a bare value; Group and Extended items are
 * objects of their named fields (FX and spare bits left out); Repetitive items are arrays; Compound items are
 * objects of their present subitems; SP/RE are the hex string of their bytes after the length byte. Raw and
 * table fields are integers, quantities are numbers in the specification's unit (NM, °, FL, s, ft, m/s, NM/s...),
 * strings (ICAO 6-bit, ASCII, octal Mode 3/A) are JSON strings, trailing spaces included.
 */
package org.skydas.ingest.asterix;
