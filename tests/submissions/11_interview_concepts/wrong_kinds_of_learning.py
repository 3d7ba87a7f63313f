"""Wrong: mixes up the kinds of learning (clustering called supervised, ...)."""

q_supervised = "a"
q_unsupervised = "d"
q_reinforcement = "c"
