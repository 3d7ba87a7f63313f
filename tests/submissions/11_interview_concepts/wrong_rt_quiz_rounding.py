"""Wrong (red team's correct_quiz_rounding, wrong by the decision on halves): 0.745 is
exactly 0.005 from the right answer, so |x - answer| < 0.005 fails, whether half-up
rounding would take it or not. (The file's other answer, a decimal comma, is refused
as unreadable; it is tested in tests/test_topic_interview_concepts.py.)"""

q_cm_recall = 0.745
