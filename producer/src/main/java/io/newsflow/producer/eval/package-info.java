/**
 * Measuring the extractor on labelled pages: the two published body metrics ({@link
 * io.newsflow.producer.eval.TextMetrics}), a dataset reader for the {@code html/<id>.html.gz} +
 * {@code ground-truth.json} layout ({@link io.newsflow.producer.eval.ExtractionDataset}), the evaluation
 * run behind {@code newsflow eval extraction} ({@link io.newsflow.producer.eval.ExtractionEvaluation}) and
 * a speed comparison against jsoup's parse alone ({@link io.newsflow.producer.eval.ExtractionSpeed}).
 */
package io.newsflow.producer.eval;
