package org.skydas.alert;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sensor down: a sensor that has sent data before has been silent for {@link RuleConfig#sensorSilentS()}. Reported
 * once per silence; any data from it ends the silence.
 */
public final class SensorDownRule implements Rule {

    private final RuleConfig config;
    private final Map<String, Double> lastSeen = new HashMap<>();
    private final Set<String> down = new HashSet<>();

    public SensorDownRule(RuleConfig config) {
        this.config = config;
    }

    @Override
    public RuleKind kind() {
        return RuleKind.SENSOR_DOWN;
    }

    @Override
    public void onSensorData(String sensorId, double t) {
        lastSeen.merge(sensorId, t, Math::max);
        down.remove(sensorId);
    }

    @Override
    public void onTime(double now, List<Finding> out) {
        for (Map.Entry<String, Double> e : lastSeen.entrySet()) {
            double silent = now - e.getValue();
            if (silent >= config.sensorSilentS() && down.add(e.getKey())) {
                out.add(new Finding(RuleKind.SENSOR_DOWN, Severity.HIGH, Finding.sensor(e.getKey()), now, Double.NaN,
                        Double.NaN, null, null, AlertMessage.SENSOR_DOWN.text(e.getKey(), silent)));
            }
        }
    }
}
