"""Wrong (red team 2): hedged letter answers that name more than one option the same
way, with "." or ":" (or one per line) instead of ")". The contract refuses them as
unreadable ("names more than one option"); the old reader looked only for a second
"x)" and took the first letter, so the red team's two-letter hedges that began with
the right letter got full marks. Each here names all four options, so it gives no
answer away: smallest input "a. or b.", right value a refusal, not a letter.
"""

q_supervised = "a. or b. or c. or d."
q_reinforcement = "a: or b: or c: or d:"
q_metric_classification = "a.\nb.\nc.\nd."
