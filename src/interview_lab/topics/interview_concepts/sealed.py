"""11_interview_concepts: the sealed answer key (data only, no answers).

For each question: its kind, the salted hash of the right answer's canonical form and
the explanation encrypted with a key derived from the right answer (see :mod:`.core`).
Regenerate with ``tests/test_topic_interview_concepts.py``'s ``write_sealed``.
"""

SEALED = {
    "q_supervised": (
        "choice",
        "d072e79d885119e8cbf20a63f1c3032d08e409915fecbadac26db1687e53abdc",
        "dEvRIdMTfucz99tZxlCcWod9wmJLC6R6X6u2OBGTLVVHBRvFf03FqMvqTLbRCGQKitEJO5zxHvqUWMfy8jtAjbkZOss6oshFZtFz4TR7wVJcz5E0tHVk6zStCHGIXpC+jEhEDBVtLqa5AZqYGmuJwtOSjiEBrdUNSr3n3H5V3ZnACb+R+FiPNotmFj0zHdhGq0l1PASu8joCwaZ4MocuQsSlkG4tXhBPuFfcU7kh5VshRtAomoenM7Io73JucGxMDrehzqfJ8yWsky6OWZyp+iOw8K9JT+sa4xfRIusLM3RogVh2p8fdWdgnN1dneYM5jr3H6NJHZlBZTp/c4MnwvYw7y4Nd2qeN4HzIFljOpOiDzJW4IhUOXbjbi8IX3S3IwH+Y0bQefAk6WRfaSga/tc8UXmj4yOJv8RgP",
    ),
    "q_unsupervised": (
        "choice",
        "1e6cf1b4b76f0383224cf4006d4cc57533c9aa821065a63ce2f54609a6403edf",
        "LCzGa9PUNnGMg6zaUTMR/85IowlxfGz0kwBoRi3ciEz+eR0c20jMAcZUTB3TRB6r6w/Lqrf5ukvfvZ3sYw8LH2zNDeWsBPEWRjpPdurj7SDJ0v3M0Wl5UeC7DJreiHstw5pHxUG7/fpH7Z9Tg0wHo3d4+cgvaNCGoUvNV7PkFr3aLcC4QIQkacWkpMyPu+NwpKiFvQWygGRQ76jk3Gi7+ZJVFMBcAmlviI3BlNpXTOAnivtYWWTQ/adgA7Cz0gSfJx4A7qhCTnxtiyVLpljPCHyy8lpOJ+4xgEL0IaGHRl5LD6Vkr51PPgQ/yNzm/2TeHfYgLmJnJMTmVi5PWhSqXNMo24dPYP/tsbIrk18C19aXfbKfFlJUb8N4FFFO8IVOlgf6/d+Ssy7qa01hY4cBDKSx",
    ),
    "q_reinforcement": (
        "choice",
        "95bb15915a392fe329444739225dcf57d2a4425f6f905a988d967b41ef0ce8b2",
        "BaCGgc2ixFrFX/sM3Vo0RJZy5YQVe/cGH+0S/8S4KdZbQYGMXz7C3TLO3MBATLTZdHPorEVb6wKRb6GO0geFQkvnoGtMyeSJ85zm9af5HsLOEf58V3NhtxNsWj+kmeKPMWMZbkZL/33cqtg77HzP4eHdwvsVI50xxDcRFKylGcbiEAWMkJvvgmZG2Pn7/KuyyPj/qEOVQBpzgJSfmGzNXJjH2OetvEQpCT9M/dGOwbrjbkJQoYRm4yH3zA9bTfJ/8LbN4vzuRWnJqHDUiMfbkAuS1AuZnMJryrwNRe5/3OsGnVAPc4UaDveWdxCzoJ4VvUVZNJrutPQ6JU6I31IBIF9eBv2PGRID7jQHKUETqwe758qtTHVHtOGNOlxtdtiMYZrXo+rveIgq7U8vE0JQ",
    ),
    "q_bias_variance": (
        "choice",
        "8841038e9e1df65f77b4e0920d62ef5f60a6ba8bc8f72cb79cd962c90bd37f3f",
        "ZwUkt0yX1FUCsJ/clpdb1yZy9v6O9Xr/nXbIfMDhMu1Ai8mkCAn2NZul2iYrkfhZwzl+8pAmXtXdY5kzhMhBwwU9DuSXHzIskX02U1/lSlscUuJ/p1c2FNoa0GCttb/c2+HFg+82d4SSG57MXX8v8IZFHMgjuw0iKX+yr0SU758vw1z8wsupqaXF2vE0y5CFCcSR15OnXDHgiItZLDOI7oPc+sxaRA9MqbtaPYKL7Xak3p1nd5jF7/zTjAh8F8TwxeSHwrWJca33f5qqzAmeWwgYr0P5rA3Hr9VmRjKijg5TQbt75xDQd1GEmhXawovab/t9hrP74r7Lf8/X0X13NtU8SceQCVhg/f98PknJzybu0aHj8CHIqpo8hhvzBjZCQg==",
    ),
    "q_l1_l2": (
        "choice",
        "17f9bed8d99e4639eda34f0576d63eea6dd6c07bdd96af5151248578dc360e0d",
        "9Fck//srtKDGyaZr6NqlTiadYpHMOzaYHN5O0oZr5w61mIo27jgTTyRIAyHRXZqKPXyXsBcEAHAIeATC+hLPdTIj1GM73p4hl1FEqpzPb7rDlgKWkyYgYwRtHI/JYWdXec8hPjRTJF4vVJSkx6PaA+8OX0yVWQm+gtndMmRcKibQ7uDbAqiOowRzKYGkIgZ5hyTu7pIiFOtdOEtYKd1t2s3PETpzohTdHUJWxqfjcp1KGOB0E39YBvb1m8UqNd6Xex7MW56vDSNiKKPJh1I+0tuZIJrL47RDwOStiuq3ggcstDKvW9xHMXkLFiB0Q/1+jXwgXXP4cTEMbcPC46HxOWykgJ1ozGJ1CMrsZhZTELcfKErlFcb33iET3lnvdnr3wg==",
    ),
    "q_imbalance": (
        "choice",
        "2d504c9c0afa30a08737247d51fd25270baac4960617bd458d5764bfc3909775",
        "9ljYRAj1ZZFbM9d0ROoqKgvx8YPqAN2X7iguMTGZc7WmCPQHw9F6/Ca1h12ujiHgjysfA2siM74H68wf1OhHxtSYrZXyaE2i4QRHKAVlhkxYA7y6aOQRhctRkStrYmFTmoCZID+Vml0zMz0YC1V2IttnJOXfGqUeUUAMY/lZ8tWVW4XWsUlYFaT8/AzaIadknr13dRfd3z8ZzjsksI9Y+ndAIClZlol2xZuc85uiqHZbezVlxCt28jAd4LOpq5LwzLv+bl92DdEa2dkv610CGMnnZSHNkVNj7UyDH4WRRLYxCaEQc3sZYB1ZXkhvMCdfOHhw2iEJTeSLdsov7xiZm1LnSNE7SQAQFW0umpB48HCzVnb/egOjsIo/houkRvv8UiCeTAYbp7G6awilysslaNOSx5oFtNz3CwAp46R0",
    ),
    "q_metric_classification": (
        "choice",
        "f912eeb333c4028db076b360084088258b79c6de3e30eee5c0e7b45694d588ad",
        "f/OSqp3oumcUNw3bESV7plIdeEYTf5BY3WWzNHSyKxhBc8rSPjW4dMG3YT2QC7KzSA2+5HQaDMGuEHztt8qutGGKY8P46wC2hKy8vOmN2Cj/a00pDepeRwxD8G3UoqCZTVBSDNgoz/+/Of3SLf/oM5l1phK+zLKo9zsRlDVt0xFzfxihjCt3BIat5hB9y2YtK1KG1XPJCfcfYgLzSlFYKF9sDAhTWdUjmGTiX6YrR70/YFjddPWAwWnQc49mrLhlEFt9jaBUqKsyv6jv1C5+f/uVHww+qbRtexEa+Asa41tguehD+hkMac7lPTHi10FqBGYTb6SZX93uwWYUOCSIKn304f6bdg4HnAID9dpAFrNJ6/ITsQ==",
    ),
    "q_metric_regression": (
        "choice",
        "c46afcbf57d6842769e4834d02fa44fb9be2ef136d4754f71815c35ba3921f10",
        "3ac+MPWQV1xOcRQ7/rP57kc/epOjQg/4E2pJXW7tFcMFbIOOoLrW1De2HK4MGNly++Ugu9zRiVE9sOQgfoaP5rcAKSzFB8oNDZO88RQAm4Oi6yweWWQ86ATobyjcE0dQ3VQn6n/D2+UqWIBjoDrjrY7D3G3VMWPhBsaNkyiZZ7Pb82cCDHb/j2T4Oa39h7Y3eGB9OXStR2PFdo7v7+qZwFMcJCqiHKkH23OUIMf0H/M45vkqdUQHemUQXR6P4v5TIYForc9yjI6aJyjuqB1HMH4W6zrXLU8Qcll7Bq1vS0ILj8Degq3raIxt",
    ),
    "q_cm_precision": (
        "number",
        "819ef59a41f30ed49cb0a8768704501ffc86ecb622afb63fb32813d7ad7d593c",
        "S3a8OW9H33fKYuGXtLT3/evwlpsRo97j8SzsJwAvqQjoe8UlLynqoa9YBpvqAg7KHsg8/8C1PMxlYQEwllz8mMe5kecxw9YFWlpk5uIi8rUaRVmls8Y2pOck5FYkfnXadVLkyfsrnl6kSxytGtQRxuzUTR5vija7IHK1EC3YLB2xb3IrNWOer6IJH+iwPxyTXsr8tEkKhrSs+iOlnYdrJEP/KmrAT3+5BYuAEAYWohl7L3zkzxAiIi93lZ0=",
    ),
    "q_cm_recall": (
        "number",
        "ea1bbe829b780814fe7e9c0084615fde91a12a194e69729570a4e9bf608b66ff",
        "pLwCRHFGpHQffnRLDkl/b+m2KEbII/haYeQgTOQ4X2jzSLMT+mY9+TJSc5rdj3mzCT1Cx4GpHrpfH8A63tMKVTyLns33DGsENKt2KMInIUPIUu434+gRd3F3lq4kQtwv30l82GP6zNSX5IoQ1Z3Ohewra2xvs06s2rlKtmNmUKjegbc7SpDDQmMVUy6uthxZCM424mlFMJ7WLjiUQKDujM6ULxxAE7A=",
    ),
}
