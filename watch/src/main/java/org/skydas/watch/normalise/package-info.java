/**
 * The normaliser: each feed message becomes one journal entry (the message as received) and grid detections
 * ({@code *ToDetection}: CoT, JSON, ASTERIX plots located from the scenario's radars and CAT062 system tracks, Remote
 * ID, SAPIENT, STANAG 4607, ONVIF), each source its own tracker sensor with its feed's model ({@code FeedSensorModels}).
 */
package org.skydas.watch.normalise;
