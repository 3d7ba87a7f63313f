"""09_model_drift: drift in production.

The notebook imports the topic once, ``from interview_lab.topics import model_drift
as topic``, and calls:

* in graded test cells: ``topic.checker(exercise, func)``, ``topic.psi_cases`` and
  ``topic.ks_cases`` (:mod:`.checks`);
* in teaching cells, in notebook order (:mod:`.figures`): ``topic.drift_stream``,
  ``topic.stream_figure``, ``topic.psi_bins_figure``, ``topic.false_alarm_figure``,
  ``topic.dashboard_figure``, ``topic.drift_explorer``, ``topic.policy_table`` and
  ``topic.policy_figure``.

:mod:`.core` holds the references, the simulated stream and the retraining simulation.
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submod_attrs={
        "checks": ["EXERCISES", "checker", "ks_cases", "psi_cases"],
        "core": ["PSI_ALERT", "PSI_WATCH", "drift_stream"],
        "figures": [
            "DriftDashboard",
            "dashboard_figure",
            "drift_explorer",
            "false_alarm_figure",
            "policy_figure",
            "policy_table",
            "psi_bins_figure",
            "stream_figure",
        ],
    },
)
