package io.openoms.app.planted;

/** Stands in for a class of oms-app, which an adapter's tests cannot see, in planted violations. */
public final class AppStandIn {}
