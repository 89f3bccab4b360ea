package org.skydas.obstacles;

import org.skydas.model.Wire;

/**
 * What a register entry is. The first three are explosive fields, recorded to CCW Amended Protocol II
 * (Article 9 and Technical Annex paragraph 1); the others are non-explosive obstacles.
 */
public enum ObstacleKind {
    MINEFIELD(true),
    MINED_AREA(true),
    REMOTELY_DELIVERED(true),
    DITCH(false),
    DRAGONS_TEETH(false),
    BARRIER(false),
    FENCE(false),
    ABATIS(false),
    TREE_LINE(false),
    OBSTACLE_BELT(false);

    private final boolean explosive;

    ObstacleKind(boolean explosive) {
        this.explosive = explosive;
    }

    public boolean explosive() {
        return explosive;
    }

    public String wire() {
        return Wire.name(this);
    }

    public static ObstacleKind parse(String s) {
        return ObstacleJson.parseEnum(ObstacleKind.class, "kind", s);
    }
}
