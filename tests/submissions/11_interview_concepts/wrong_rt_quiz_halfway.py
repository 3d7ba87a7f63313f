"""Wrong (red team): each number exactly 0.005 from the right answer as written (its
decimal spelling: 0.795, and np.float32(0.755) whose shortest float32 spelling is
0.755). The contract's rule |x - answer| < 0.005 makes both wrong; rounding the binary
value (0.79499..., 0.75499...) at two decimals used to accept them."""

import numpy as np

q_cm_precision = 0.795
q_cm_recall = np.float32(0.755)
