package com.google.inject.planted;

/** Stands in for a Guice class, which an adapter's tests cannot see, in planted violations. */
public final class GuiceStandIn {}
