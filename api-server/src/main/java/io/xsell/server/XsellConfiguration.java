package io.xsell.server;

import io.dropwizard.core.Configuration;

/** The application's settings; every one has a default so {@code server} runs without a file. */
public class XsellConfiguration extends Configuration {
}
