"""Wrong: answers in words where a letter is asked (the check cannot read them)."""

q_l1_l2 = "L1"
q_supervised = "b and c"
