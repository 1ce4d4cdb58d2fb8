-- The 12-month window metrics of docs/metrics.md (spec section 4), as an analyst would write them in
-- DuckDB over the canonical CSV folder: the reference side of ReportVsDuckDb. The placeholders
-- ${data}, ${currency}, ${from} and ${to} are replaced before it runs; the statement's result is one
-- row per scope: scope 'all', 'segment:<value>' and 'line:<name>'.
--
-- Item MRR (spec section 2) is net * rate * periodsPerYear / (12 * interval_count), taken as a
-- DOUBLE quotient and stored as DECIMAL(38,10): every later sum and comparison is exact decimal
-- arithmetic on those values, so a state that returns to a former value is exactly equal to it.
WITH
customers AS (
    SELECT customer_id, segment FROM read_csv('${data}/customers.csv', header = true, all_varchar = true)
),
products AS (
    SELECT product_id, coalesce(nullif(product_line, ''), product_id) AS line
    FROM read_csv('${data}/products.csv', header = true, all_varchar = true)
),
rates AS (
    SELECT currency, CAST(date AS DATE) AS day, CAST(rate AS DECIMAL(38, 12)) AS rate
    FROM read_csv('${data}/fx_rates.csv', header = true, all_varchar = true)
),
raw_items AS (
    SELECT customer_id, product_id, currency,
           CAST(start_date AS DATE) AS start_day,
           CAST(nullif(end_date, '') AS DATE) AS end_day,
           CAST(nullif(trial_end, '') AS DATE) AS trial_day,
           CAST(unit_amount AS DECIMAL(38, 10)) * CAST(coalesce(nullif(quantity, ''), '1') AS DECIMAL(38, 10)) AS gross,
           CAST(nullif(discount_percent, '') AS DECIMAL(38, 10)) AS pct,
           CAST(nullif(discount_amount, '') AS DECIMAL(38, 10)) AS off,
           CASE interval WHEN 'day' THEN 365 WHEN 'week' THEN 52 WHEN 'month' THEN 12
                         WHEN 'quarter' THEN 4 WHEN 'year' THEN 1 END AS per_year,
           CAST(coalesce(nullif(interval_count, ''), '1') AS INTEGER) AS interval_count,
           nullif(bundle_id, '') IS NOT NULL AS bundled
    FROM read_csv('${data}/subscription_items.csv', header = true, all_varchar = true)
),
netted AS (
    SELECT *, greatest(coalesce(trial_day, start_day), start_day) AS active_from,
           greatest(gross * (100 - coalesce(pct, 0)) / 100 - coalesce(off, 0), 0) AS net
    FROM raw_items
),
priced AS (  -- the rate on or before the start date; 1 for the reporting currency
    SELECT n.customer_id, p.line, n.active_from, n.end_day, n.bundled,
           CAST(CAST(n.net * CASE WHEN n.currency = '${currency}' THEN 1 ELSE r.rate END AS DOUBLE)
                * n.per_year / (12 * n.interval_count) AS DECIMAL(38, 10)) AS monthly
    FROM netted n
    JOIN products p USING (product_id)
    ASOF LEFT JOIN rates r ON r.currency = n.currency AND n.start_day >= r.day
    WHERE n.end_day IS NULL OR n.active_from < n.end_day
),
deltas AS (  -- each item adds its MRR on its first active day and removes it on its end day
    SELECT customer_id, line, active_from AS day, monthly AS delta, bundled AS starts_bundled FROM priced
    UNION ALL
    SELECT customer_id, line, end_day, -monthly, false FROM priced WHERE end_day IS NOT NULL
),
line_days AS (
    SELECT customer_id, line, day, sum(delta) AS delta, bool_or(starts_bundled) AS starts_bundled
    FROM deltas GROUP BY ALL
),
line_states AS (
    SELECT *, sum(delta) OVER (PARTITION BY customer_id, line ORDER BY day) AS b FROM line_days
),
customer_days AS (
    SELECT customer_id, day, sum(delta) AS delta FROM line_days GROUP BY ALL
),
customer_states AS (
    SELECT customer_id, day, t1 - delta AS t0, t1,
           coalesce(bool_or(t1 > 0) OVER (PARTITION BY customer_id ORDER BY day
                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), false) AS ever_active
    FROM (SELECT *, sum(delta) OVER (PARTITION BY customer_id ORDER BY day) AS t1 FROM customer_days)
),
movements AS (  -- spec section 3, on the window's days only
    SELECT l.customer_id, l.line, l.day, l.b - l.delta AS a, l.b,
           CASE WHEN c.t0 = 0 AND c.t1 > 0 THEN (CASE WHEN c.ever_active THEN 'reactivation' ELSE 'new_business' END)
                WHEN c.t0 > 0 AND c.t1 = 0 THEN 'churn'
                WHEN l.b - l.delta = 0 AND l.b > 0 THEN 'cross_sell'
                WHEN l.b - l.delta > 0 AND l.b = 0 THEN 'line_churn'
                WHEN l.b > l.b - l.delta THEN 'upsell'
                ELSE 'contraction' END AS type,
           l.starts_bundled
    FROM line_states l JOIN customer_states c USING (customer_id, day)
    WHERE l.delta <> 0 AND l.day >= DATE '${from}' AND l.day < DATE '${to}'
      AND NOT (c.t0 = 0 AND c.t1 = 0)
),
on_day AS (  -- MRR by customer and line at the start state (from - 1) and the end state (to - 1)
    SELECT customer_id, line,
           sum(delta) FILTER (WHERE day <= DATE '${from}' - 1) AS start_mrr,
           sum(delta) FILTER (WHERE day <= DATE '${to}' - 1) AS end_mrr
    FROM line_days GROUP BY ALL
),
customer_window AS (
    SELECT customer_id, coalesce(sum(start_mrr), 0) AS start_mrr, coalesce(sum(end_mrr), 0) AS end_mrr,
           count(*) FILTER (WHERE end_mrr > 0) AS lines_held
    FROM on_day GROUP BY ALL
),
customer_movements AS (
    SELECT customer_id,
           sum(b) FILTER (WHERE type = 'new_business') AS new_business,
           sum(b) FILTER (WHERE type = 'reactivation') AS reactivation,
           sum(b) FILTER (WHERE type = 'cross_sell') AS cross_sell,
           sum(b) FILTER (WHERE type = 'cross_sell' AND starts_bundled) AS bundle_cross_sell,
           sum(b - a) FILTER (WHERE type = 'upsell') AS upsell,
           sum(b - a) FILTER (WHERE type = 'contraction') AS contraction,
           sum(-a) FILTER (WHERE type = 'line_churn') AS line_churn,
           sum(-a) FILTER (WHERE type = 'churn') AS churn,
           count(*) FILTER (WHERE type = 'cross_sell') AS cross_sells
    FROM movements GROUP BY ALL
),
per_customer AS (
    SELECT c.customer_id, c.segment, coalesce(w.start_mrr, 0) AS start_mrr, coalesce(w.end_mrr, 0) AS end_mrr,
           coalesce(w.lines_held, 0) AS lines_held, coalesce(w.start_mrr, 0) > 0 AS in_cohort, m.*
    FROM customers c LEFT JOIN customer_window w USING (customer_id) LEFT JOIN customer_movements m USING (customer_id)
),
scopes AS (
    SELECT 'all' AS scope, * FROM per_customer
    UNION ALL
    SELECT 'segment:' || coalesce(segment, ''), * FROM per_customer
),
window_metrics AS (
    SELECT scope,
           sum(start_mrr) AS starting_mrr,
           sum(end_mrr) AS ending_mrr,
           count(*) FILTER (WHERE start_mrr > 0) AS starting_customers,
           count(*) FILTER (WHERE end_mrr > 0) AS ending_customers,
           coalesce(sum(new_business), 0) AS new_business_mrr,
           coalesce(sum(reactivation), 0) AS reactivation_mrr,
           coalesce(sum(cross_sell), 0) AS cross_sell_mrr,
           coalesce(sum(cross_sell) FILTER (WHERE in_cohort), 0) AS cohort_cross_sell_mrr,
           coalesce(sum(bundle_cross_sell), 0) AS bundle_cross_sell_mrr,
           coalesce(sum(upsell), 0) AS upsell_mrr,
           coalesce(sum(contraction), 0) AS contraction_mrr,
           coalesce(sum(line_churn), 0) AS line_churn_mrr,
           coalesce(sum(churn), 0) AS churn_mrr,
           sum(end_mrr) FILTER (WHERE in_cohort) AS cohort_ending_mrr,
           coalesce(sum(contraction) FILTER (WHERE in_cohort), 0) + coalesce(sum(line_churn) FILTER (WHERE in_cohort), 0)
               + coalesce(sum(churn) FILTER (WHERE in_cohort), 0) AS cohort_losses,
           count(*) FILTER (WHERE in_cohort AND cross_sells > 0) AS cohort_cross_sell_customers,
           coalesce(sum(cross_sells) FILTER (WHERE in_cohort), 0) AS cohort_attaches,
           sum(lines_held) FILTER (WHERE end_mrr > 0) AS lines_held_at_end
    FROM scopes GROUP BY scope
),
by_line AS (
    SELECT 'line:' || o.line AS scope,
           coalesce(sum(m.b) FILTER (WHERE m.type = 'cross_sell'), 0) AS cross_sell_mrr,
           count(m.b) FILTER (WHERE m.type = 'cross_sell') AS attaches,
           coalesce(sum(m.b - m.a) FILTER (WHERE m.type = 'upsell'), 0) AS upsell_mrr,
           coalesce(sum(-m.a) FILTER (WHERE m.type = 'line_churn'), 0) AS line_churn_mrr
    FROM (SELECT DISTINCT line FROM products) o LEFT JOIN movements m USING (line) GROUP BY ALL
),
line_holders AS (
    SELECT 'line:' || line AS scope, count(*) FILTER (WHERE end_mrr > 0) AS holders FROM on_day GROUP BY ALL
)
SELECT w.scope, w.starting_mrr, w.ending_mrr, w.starting_customers, w.ending_customers,
       w.new_business_mrr, w.reactivation_mrr, w.cross_sell_mrr, w.cohort_cross_sell_mrr,
       w.bundle_cross_sell_mrr, w.cross_sell_mrr - w.bundle_cross_sell_mrr AS standalone_cross_sell_mrr,
       w.upsell_mrr, w.contraction_mrr, w.line_churn_mrr, w.churn_mrr,
       w.cross_sell_mrr + w.upsell_mrr AS expansion_mrr,
       w.ending_mrr - w.starting_mrr AS net_mrr_change,
       w.ending_mrr * 12 AS arr,
       100 * w.cohort_cross_sell_mrr / nullif(w.starting_mrr, 0) AS cross_sell_rate_pct,
       100 * w.cohort_cross_sell_customers / nullif(w.starting_customers, 0) AS customer_cross_sell_rate_pct,
       w.cohort_attaches / nullif(w.starting_customers, 0) AS attachment_rate,
       w.lines_held_at_end / nullif(w.ending_customers, 0) AS products_per_customer,
       100 * w.cohort_ending_mrr / nullif(w.starting_mrr, 0) AS net_revenue_retention_pct,
       100 * (w.starting_mrr + w.cohort_losses) / nullif(w.starting_mrr, 0) AS gross_revenue_retention_pct,
       NULL AS attaches, NULL AS holders
FROM window_metrics w
UNION ALL
SELECT b.scope, NULL, NULL, NULL, NULL, NULL, NULL, b.cross_sell_mrr, NULL, NULL, NULL, b.upsell_mrr, NULL,
       b.line_churn_mrr, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, b.attaches, h.holders
FROM by_line b LEFT JOIN line_holders h USING (scope)
ORDER BY scope
