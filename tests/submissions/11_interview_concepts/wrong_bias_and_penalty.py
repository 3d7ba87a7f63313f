"""Wrong: calls a train/validation gap bias, and picks ridge for sparsity."""

q_bias_variance = "a"
q_l1_l2 = "a"
