"""Uncertainty estimation over the API graph and seed selection.

``score.score_uncertainty`` writes each node's uncertainty (how surprised a model is
by its members), ``single.single_seeds`` turns every scored non-leaf node into a seed,
and ``mcts.multi_seeds`` finds high-uncertainty API combinations by UCB1 Monte Carlo
Tree Search (or uniform random paths, the ablation baseline)."""
