/** The packaged application: the only Guice injector, configuration, the REST API and event stream, the CLI, schedules and metrics. */
package io.openoms.app;
