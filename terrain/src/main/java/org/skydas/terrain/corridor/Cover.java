package org.skydas.terrain.corridor;

/**
 * Land-cover classes that change how a mover gets on (see the table in {@link Mover}), and the codings of
 * the class rasters Skydas reads into them.
 */
public enum Cover {
    FARMLAND, FOREST, WETLAND, WATER, BUILT_UP;

    /** How a class raster codes its classes. */
    public enum Coding {
        /**
         * CORINE level 1: 1 artificial surfaces, 2 agricultural areas, 3 forest and semi-natural areas,
         * 4 wetlands, 5 water bodies (what {@code skydas coverage --landcover} reads too).
         */
        CORINE_LEVEL1(BUILT_UP, FARMLAND, FOREST, WETLAND, WATER),
        /**
         * The shared Suwałki raster (CORINE 2006 simplified, see its SOURCES entry): 1 agricultural land,
         * 2 forests and semi-natural areas, 3 wetlands, 4 water bodies.
         */
        CORINE_4CLASS(FARMLAND, FOREST, WETLAND, WATER);

        private final Cover[] byCode;

        Coding(Cover... byCode) {
            this.byCode = byCode;
        }

        /** The class of a raster value, or null for NaN and codes outside the coding. */
        public Cover cover(double code) {
            if (code != code) {
                return null;
            }
            long c = Math.round(code);
            return c >= 1 && c <= byCode.length ? byCode[(int) c - 1] : null;
        }

        /** "corine-level1", "corine-4class": as the CLI names it. */
        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static Coding parse(String s) {
            for (Coding c : values()) {
                if (c.slug().equalsIgnoreCase(s.trim())) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown land-cover coding '" + s + "' (corine-level1 or corine-4class)");
        }
    }
}
