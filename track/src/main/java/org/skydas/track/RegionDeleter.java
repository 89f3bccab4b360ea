package org.skydas.track;

import java.util.Objects;

/** Ends a track whose estimate has left the surveillance region. */
public final class RegionDeleter implements Deleter {

    private final TrackerConfig.Region region;

    public RegionDeleter(TrackerConfig.Region region) {
        this.region = Objects.requireNonNull(region, "region");
    }

    @Override
    public boolean delete(Track tr, double now) {
        return !region.contains(tr.x[0], tr.x[1]);
    }
}
