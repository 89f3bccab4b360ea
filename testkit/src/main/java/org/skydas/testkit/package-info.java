/**
 * Test-only helpers every module's tests share: {@code SharedData} finds the shared reference data ({@code ../shared}
 * or {@code $SKYDAS_SHARED_DATA}; missing = fail under CI, skip elsewhere), {@code ExternalTool} runs reference tools
 * (GDAL, PROJ, tshark...) the same way, and {@code TestPki} makes certificates inside a test. Never on a product class
 * path.
 */
package org.skydas.testkit;
