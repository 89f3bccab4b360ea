/**
 * The scenario's feature layers and their attribute columns ({@code Layer}), and the codec between typed model
 * records and generic features with properties ({@code LayerCodec}), shared by the GeoPackage store and GeoJSON
 * exchange.
 */
package org.skydas.model.layer;
