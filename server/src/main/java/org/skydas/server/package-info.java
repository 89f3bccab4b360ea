/**
 * The HTTP API (Javalin) over one scenario, and what it pushes out: {@code SkydasServer} wires the routes
 * ({@code WatchApi}, {@code LiveApi}, {@code AccountsApi}, {@code AdminApi}, {@code ObstacleApi}), the request gate and
 * body limits, HTTPS, the WebSocket stream ({@code StreamHub}) and CoT out to TAK clients ({@code CotOut}), and serves
 * the web client. {@code WatchServices} is the durable side behind them: users, sessions, alerts and audit, committed to
 * the watch store before a call returns. {@code WatchWiring} wires the {@code watch} module's live pipeline to them: its
 * ports over {@code WatchServices}, the coverage and the DEMs (ADR 0016).
 */
package org.skydas.server;
