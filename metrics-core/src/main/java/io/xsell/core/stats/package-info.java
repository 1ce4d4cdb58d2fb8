/**
 * The few statistical routines the insights and propensity claims need, written against the JDK
 * alone (metrics-core takes no library): the normal distribution, tests of two proportions
 * (z-test and Fisher's exact test), Wilson and Newcombe intervals, Benjamini-Hochberg, a seeded
 * paired bootstrap, Platt scaling and the Brier score. Each is tested against Apache Commons Math
 * and against published worked examples ({@code docs/insights.md} names them).
 */
package io.xsell.core.stats;
