package org.skydas.track;

/** Ends a confirmed or coasting track whose existence probability fell below a threshold. */
public final class ExistenceDeleter implements Deleter {

    private final double threshold;

    /** @param threshold existence below which a confirmed track ends */
    public ExistenceDeleter(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public boolean delete(Track tr, double now) {
        return tr.status != TrackStatus.TENTATIVE && tr.existence < threshold;
    }
}
