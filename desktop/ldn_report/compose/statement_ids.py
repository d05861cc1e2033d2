"""Which pack statements each part of the report prints, by id (the pack holds the words)."""

from __future__ import annotations

KEY_POINTS = ("kp_bottom_line", "kp_not_dmt", "kp_modest", "kp_larger_trial", "kp_not_slow",
              "kp_limited", "kp_tolerated")
GOAL_STATEMENTS = {
    "goal_mood": "exp_goal_mood",
    "goal_pain": "exp_goal_pain",
    "goal_cognition": "exp_goal_cognition",
    "goal_fatigue": "exp_goal_fatigue",
}
QUESTIONS = ("q_worth_it", "q_how_know", "q_how_long", "q_dmt", "q_pain_relief", "q_get_cost",
             "q_who_call")
# Tick lines each state the fact discussed; the safety points stand on their own.
RECORD_ALWAYS = ("rec_bottom_line", "rec_not_dmt", "rec_modest", "rec_side_effects",
                 "rec_opioids")
RECORD_FLAGS = {
    "dmt_cornerstone": "rec_dmt_flag",
    "dmt_unknown": "rec_dmt_unknown_flag",
    "dmt_trouble": "rec_dmt_other_flag",
    "opioid_use": "rec_opioid_flag",
    "planned_surgery": "rec_surgery_flag",
    "liver_disease": "rec_liver_flag",
    "pregnancy": "rec_pregnancy_flag",
}
# Ticks about a part of the report: printed only when the sheet prints that part.
RECORD_IF_SHOWN = {"decision_aid": "rec_options", "monitoring": "rec_monitoring"}
RECORD_END = ("rec_questions",)
DECISIONS = ("dec_try", "dec_not_now", "dec_more_time")
HOPES = {"slow_progression": "hope_slow_progression", "fewer_relapses": "hope_fewer_relapses"}
# The option grid: one row per question patients ask, one column per option.
GRID_COLUMNS = ("og_col_question", "og_col_current", "og_col_ldn", "og_col_dmt")
GRID_ROWS = ("what", "mood", "slow", "side", "how", "cost", "monitor", "good", "hard")
GRID_OPTIONS = ("current", "ldn", "dmt")
VALUES = ("val_small_gain", "val_strong_proof", "val_slow_ms", "val_fewer_pills", "val_opioids",
          "val_cost", "val_lean")
# The naltrexone label's opioid safety text, at full strength, for every patient.
OPIOID_SAFETY = ("saf_opioid_blocks", "saf_opioid_not_started", "saf_opioid_free_days",
                 "saf_opioid_withdrawal", "saf_opioid_no_overcome", "saf_opioid_overdose",
                 "saf_opioid_tell")
