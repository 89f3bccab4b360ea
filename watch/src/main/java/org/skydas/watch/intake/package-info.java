/**
 * The intake of the live pipeline: the decoded messages of every feed ({@code Message}, {@code FeedReport} for the
 * feeds that convert their own messages) on one bounded queue that never blocks its producers, sheds the oldest when
 * full and refuses, counting, while the journal is down or the disk almost full.
 */
package org.skydas.watch.intake;
