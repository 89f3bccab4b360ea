package org.skydas.model;

/**
 * What an asset is. Sensors carry {@link SensorParameters}; counter-UAS and EW systems carry a
 * coverage radius only: Skydas records and plans them, it controls no effector.
 */
public enum AssetType {
    RADAR(true, Category.SURVEILLANCE_EARLY_WARNING),
    EO_IR_CAMERA(true, Category.SURVEILLANCE_EARLY_WARNING),
    THERMAL_CAMERA(true, Category.SURVEILLANCE_EARLY_WARNING),
    ACOUSTIC(true, Category.SURVEILLANCE_EARLY_WARNING),
    RF_DETECTOR(true, Category.SURVEILLANCE_EARLY_WARNING),
    REMOTE_ID_RECEIVER(true, Category.SURVEILLANCE_EARLY_WARNING),
    FENCE_SENSOR(true, Category.SURVEILLANCE_EARLY_WARNING),
    SEISMIC_LINE(true, Category.SURVEILLANCE_EARLY_WARNING),
    OBSERVATION_POST(true, Category.SURVEILLANCE_EARLY_WARNING),
    BARRIER_FENCE(false, Category.BARRIERS_FORTIFICATIONS),
    ANTI_VEHICLE_DITCH(false, Category.COUNTER_MOBILITY_OBSTACLES),
    OBSTACLE_BELT(false, Category.COUNTER_MOBILITY_OBSTACLES),
    DRAGON_TEETH(false, Category.COUNTER_MOBILITY_OBSTACLES),
    REFORESTATION_AREA(false, Category.COUNTER_MOBILITY_OBSTACLES),
    ROADSIDE_TREE_LINE(false, Category.COUNTER_MOBILITY_OBSTACLES),
    EW_SYSTEM(false, Category.EW_COUNTER_UAS),
    COUNTER_UAS_SYSTEM(false, Category.EW_COUNTER_UAS);

    private final boolean sensor;
    private final Category defaultCategory;

    AssetType(boolean sensor, Category defaultCategory) {
        this.sensor = sensor;
        this.defaultCategory = defaultCategory;
    }

    public boolean isSensor() {
        return sensor;
    }

    /** The budget category an asset of this type falls in unless it says otherwise. */
    public Category defaultCategory() {
        return defaultCategory;
    }
}
