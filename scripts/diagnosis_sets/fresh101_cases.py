"""Hundred-and-first fresh held-out set for the diagnosis: one planted bug per program in fresh101/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is survival analysis and ordinal regression written by hand on tabular rows. A Cox
proportional-hazards network (a tanh layer and a bias-free linear unit giving each row a log-risk),
trained on the negative Breslow partial log-likelihood averaged over the events, the risk-set
log-sums taken stably over the rows sorted by time (latest first) with a cumulative sum read at
the end of each tie group, with Adam, an L2 weight decay in the gradient and a step schedule; a
discrete-time survival network (a ReLU layer and one hazard logit per interval through a sigmoid),
the likelihood of surviving the earlier intervals and of the event or censoring in the last one as
a binary cross-entropy masked to the intervals at risk, with global-norm gradient clipping and SGD
with momentum and weight decay on mini-batches of 10; and a cumulative-link ordinal regression
network (one score, four thresholds kept ordered by a cumulative sum of softplus increments, the
grade likelihood a difference of two sigmoids) with an L2 penalty on the threshold parameters,
AdamW with the decay on the weights only, and a multi-step schedule. The survival data hold
[time or interval, event] in the two columns of y; the ordinal data hold int64 grades 0..4.
fresh101/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh101_cases

Each case:
    id          short name (prefixed RW)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh101/"

COX, HAZARD, ORDINAL = F + "cox.npz", F + "hazard.npz", F + "ordinal.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


CX = ("--data", COX)
CX_PARAMS = params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['W2']=out.weight.T")
CX_MATRIX_PARAMS = params("W_in=hidden.weight", "b_in=hidden.bias", "w_out=out.weight.reshape(8)")
HZ = ("--data", HAZARD, "--batch-size", "10")
HZ_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                   "params['b2']=fc2.bias")
HZ_SEQ_PARAMS = params("params['W1']=net.0.weight.T", "params['b1']=net.0.bias",
                       "params['W2']=net.2.weight.T", "params['b2']=net.2.bias")
OR = ("--data", ORDINAL)
OR_PARAMS = params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['W2']=score.weight.T",
                   "params['raw']=raw")
OR_DIFF_PARAMS = params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias",
                        "params['W2']=score.reshape(6,1)", "params['raw']=raw")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RW01_cox_ties_ignored", side="port",
         args=pair("cox_numpy.py", "CoxMLP", "01_cox_ties_port.py", "CoxMLP", *CX, *CX_PARAMS),
         mechanism="pair: the port reads the running torch.logcumsumexp at each row's own position instead of "
                   "at the end of its tie group ([last]): a row tied in time with rows sorted after it loses "
                   "those rows from its risk set (not Breslow), so its risk-set log-sum is too small; the "
                   "partial-likelihood loss and every gradient differ from step 1",
         expected=("tie", "ties", "tied", "breslow", "efron", "risk set", "risk-set", "logcumsumexp",
                   "cumulative", "partial likelihood", "log-sum-exp", "searchsorted", "group", "sorted",
                   "survival")),
    dict(id="RW02_cox_risk_not_squeezed", side="port",
         args=pair("cox_numpy.py", "CoxMLP", "02_cox_unsqueezed_port.py", "CoxMLP", *CX, *CX_PARAMS),
         mechanism="pair: the port's forward returns the (n, 1) output of nn.Linear without .squeeze(-1); in the "
                   "loss the (n,) event column times the (n, 1) log-risk terms broadcasts to (n, n), so the sum "
                   "becomes #events * sum over all rows, divided by #events: every censored row counts as an "
                   "event and the loss is a sum over rows, not an average over events; loss and gradients differ",
         expected=("broadcast", "broadcasting", "shape", "(n, 1)", "squeeze", "unsqueeze", "n x n", "outer",
                   "event", "censored", "column vector", "dimension", "keepdim", "sum over", "partial likelihood")),
    dict(id="RW03_cox_scheduler_dropped", side="port",
         args=pair("cox_numpy.py", "CoxMLP", "03_cox_no_scheduler_port.py", "CoxMLP", *CX, *CX_PARAMS),
         mechanism="pair: make_optimizer builds the StepLR but returns only the optimizer, so train_step gets "
                   "scheduler=None and the learning rate stays LR, where the NumPy program halves it after "
                   "updates 7 and 14: the updates from step 8 on are twice (then four times) too large, the "
                   "gradients and Adam moments agree",
         expected=("schedule", "scheduler", "steplr", "step schedule", "learning rate", "lr", "decay", "gamma",
                   "halve", "0.5", "not applied", "never", "constant", "step 8", "factor 2")),
    dict(id="RW04_hazard_at_risk_strict", side="port",
         args=pair("hazard_numpy.py", "DiscreteHazardNet", "04_hazard_at_risk_port.py", "DiscreteHazardNet",
                   *HZ, *HZ_PARAMS),
         mechanism="pair: the at-risk mask is arange(J) < k instead of <= k: each row's last interval drops out "
                   "of the likelihood, the log-hazard of the event interval for events and the survival of the "
                   "censoring interval for censored rows; the loss is too small and the logit gradient of that "
                   "column is zero",
         expected=("at risk", "at-risk", "mask", "off by one", "off-by-one", "<=", "interval", "last interval",
                   "hazard", "event", "censored", "survival", "likelihood", "target", "column")),
    dict(id="RW05_hazard_clip_value", side="port",
         args=pair("hazard_numpy.py", "DiscreteHazardNet", "05_hazard_clip_value_port.py", "DiscreteHazardNet",
                   *HZ, *HZ_PARAMS),
         mechanism="pair: the port clips with clip_grad_value_(params, MAX_NORM), each element to [-0.5, 0.5], "
                   "instead of clip_grad_norm_, the global norm to 0.5: no element exceeds 0.5, so the steps "
                   "the NumPy program scales down by one factor (global norm above 0.5) go unclipped; the "
                   "gradients and updates are larger by that factor on those steps",
         expected=("clip", "clipping", "clip_grad_norm_", "clip_grad_value_", "global norm", "gradient norm",
                   "norm", "max_norm", "value", "element-wise", "elementwise", "scale", "factor", "rescale",
                   "grad")),
    dict(id="RW06_ordinal_softplus_first", side="port",
         args=pair("ordinal_numpy.py", "CumulativeLinkNet", "06_ordinal_softplus_first_port.py",
                   "CumulativeLinkNet", *OR, *OR_PARAMS),
         mechanism="pair: the thresholds are cumsum(softplus(raw)) over all four entries, so the first threshold "
                   "is softplus(raw_0) instead of raw_0 itself: every threshold is shifted (by softplus(-1.5) + 1.5 "
                   "at the start), the cumulative probabilities, the loss and all gradients differ, raw_0's through "
                   "an extra sigmoid factor",
         expected=("threshold", "thresholds", "cutpoint", "softplus", "first threshold", "raw_0", "cumsum",
                   "cumulative sum", "ordered", "increment", "parametrisation", "parameterization", "shift",
                   "ordinal", "forward")),
    dict(id="RW07_ordinal_penalty_theta", side="port",
         args=pair("ordinal_numpy.py", "CumulativeLinkNet", "07_ordinal_penalty_theta_port.py",
                   "CumulativeLinkNet", *OR, *OR_PARAMS),
         mechanism="pair: the L2 penalty is taken on the ordered thresholds model.thresholds() instead of on the "
                   "raw parameters: the loss term and raw's gradient differ (the penalty now flows through the "
                   "cumulative sum and softplus), the network weights' gradients are right",
         expected=("penalty", "l2", "regulariz", "regularis", "threshold", "thresholds", "raw", "lam_t",
                   "parameters", "cumulative", "softplus", "wrong variable", "loss term", "raw parameter",
                   "cutpoint")),
    dict(id="RW08_ordinal_adamw_all_params", side="port",
         args=pair("ordinal_numpy.py", "CumulativeLinkNet", "08_ordinal_adamw_all_port.py",
                   "CumulativeLinkNet", *OR, *OR_PARAMS),
         mechanism="pair: AdamW is built on model.parameters() with weight_decay=WD instead of the two param "
                   "groups: the decoupled decay also shrinks the hidden bias and the threshold parameters "
                   "(raw *= 1 - lr * WD each step) where the NumPy program decays the weights only; gradients "
                   "and moments agree, b1 and raw updates differ by lr * WD * param",
         expected=("weight decay", "weight_decay", "decoupled", "adamw", "param group", "param_groups", "groups",
                   "bias", "threshold", "no decay", "decay", "proportional to the parameter", "raw", "b1",
                   "exclude")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RW09_cox_lse_shift", side="numpy",
         args=pair("09_cox_lse_shift_numpy.py", "CoxMLP", "cox_torch.py", "CoxMLP", *CX, *CX_PARAMS),
         mechanism="pair: the stable log-sum-exp over the risk sets leaves out the shift it subtracted, "
                   "lse = log(S) instead of max(eta) + log(S): the reported loss is lower by max(eta) every step, "
                   "while the backward, written from exp(eta - max) / S, is right; only the loss value differs",
         expected=("log-sum-exp", "logsumexp", "max", "shift", "stable", "stabil", "constant", "offset",
                   "loss value", "loss only", "risk set", "partial likelihood", "mx", "subtract", "add back")),
    dict(id="RW10_cox_cumsum_direction", side="numpy",
         args=pair("10_cox_cumsum_direction_numpy.py", "CoxMLP", "cox_torch.py", "CoxMLP", *CX, *CX_PARAMS),
         mechanism="pair: the backward collects each row's share of the events' 1 / S terms with a forward "
                   "np.cumsum(acc) instead of the reversed cumulative sum: a row receives the terms of the "
                   "events whose risk sets end before it (earlier in the sorted order) instead of those whose "
                   "risk sets contain it; the loss is right, the log-risk gradient and all three parameter "
                   "gradients are wrong",
         expected=("cumsum", "cumulative sum", "reverse", "reversed", "direction", "[::-1]", "risk set",
                   "backward", "gradient", "sorted", "order", "partial likelihood", "suffix", "prefix",
                   "accumulate")),
    dict(id="RW11_hazard_preactivation", side="numpy",
         args=pair("11_hazard_preactivation_numpy.py", "DiscreteHazardNet", "hazard_torch.py",
                   "DiscreteHazardNet", *HZ, *HZ_PARAMS),
         mechanism="pair: the output layer reads the pre-activation Z1 instead of the ReLU output A1 "
                   "(logits = Z1 @ W2 + b2), so the forward is a linear network; the backward still uses A1 and "
                   "the ReLU mask, so loss and every gradient differ and the gradients are not those of the "
                   "NumPy program's own loss",
         expected=("relu", "activation", "pre-activation", "preactivation", "z1", "a1", "forward", "linear",
                   "hidden layer", "output layer", "wrong variable", "logits", "missing activation",
                   "inconsistent", "nonlinearity")),
    dict(id="RW12_hazard_clip_squared_norm", side="numpy",
         args=pair("12_hazard_clip_sq_norm_numpy.py", "DiscreteHazardNet", "hazard_torch.py",
                   "DiscreteHazardNet", *HZ, *HZ_PARAMS),
         mechanism="pair: the global gradient norm for clipping is computed without the square root (the "
                   "sum of squares): below norm 1 it is smaller than the norm, so steps with norm between 0.5 "
                   "and 0.71 go unclipped and steps above are scaled by 0.5 / norm^2 instead of 0.5 / norm; "
                   "all gradients differ by one factor on those steps",
         expected=("clip", "clipping", "norm", "global norm", "square root", "sqrt", "squared", "sum of squares",
                   "max_norm", "clip_grad_norm_", "scale", "factor", "gradient norm", "rescale", "l2 norm")),
    dict(id="RW13_hazard_event_ignored", side="numpy",
         args=pair("13_hazard_event_ignored_numpy.py", "DiscreteHazardNet", "hazard_torch.py",
                   "DiscreteHazardNet", *HZ, *HZ_PARAMS),
         mechanism="pair: the target is (j == k) without the event factor: a censored row is counted as an event "
                   "in its last interval (log h instead of log(1 - h)), so the loss and the logit gradients of "
                   "the censored rows' last intervals differ",
         expected=("event", "event indicator", "censor", "censored", "censoring", "target", "label", "y[:, 1]",
                   "hazard", "last interval", "survival", "likelihood", "bce", "cross-entropy", "column")),
    dict(id="RW14_ordinal_softplus_grad", side="numpy",
         args=pair("14_ordinal_softplus_grad_numpy.py", "CumulativeLinkNet", "ordinal_torch.py",
                   "CumulativeLinkNet", *OR, *OR_PARAMS),
         mechanism="pair: the backward through the threshold increments multiplies by softplus(raw) instead of "
                   "its derivative sigmoid(raw): the gradient of raw_1..raw_3 is off by softplus/sigmoid "
                   "(about 1.6 at the start); the loss and the other gradients are right",
         expected=("softplus", "derivative", "sigmoid", "threshold", "thresholds", "raw", "increment", "backward",
                   "chain rule", "gradient", "activation-derivative", "wrong derivative", "ordered", "cutpoint",
                   "parametrisation")),
    dict(id="RW15_ordinal_decay_no_lr", side="numpy",
         args=pair("15_ordinal_decay_no_lr_numpy.py", "CumulativeLinkNet", "ordinal_torch.py",
                   "CumulativeLinkNet", *OR, *OR_PARAMS),
         mechanism="pair: the decoupled weight decay is p *= 1 - WD instead of 1 - lr * WD: the weights shrink by "
                   "1% per step instead of 0.03%, a difference proportional to the weight (W1, W2 only; b1 and "
                   "raw undecayed as they should be); gradients and moments agree",
         expected=("weight decay", "decoupled", "adamw", "learning rate", "lr", "lr * wd", "proportional to the "
                   "parameter", "decay", "shrink", "update", "optimizer", "missing factor", "too strong",
                   "weight_decay")),
    dict(id="RW16_ordinal_milestone_early", side="numpy",
         args=pair("16_ordinal_milestone_numpy.py", "CumulativeLinkNet", "ordinal_torch.py",
                   "CumulativeLinkNet", *OR, *OR_PARAMS),
         mechanism="pair: the multi-step schedule counts milestones with t >= m instead of t > m, so the "
                   "learning rate drops by GAMMA = 0.3 one update early (updates 8 and 14 instead of 9 and 15): "
                   "those two updates are 0.3 times torch's, gradients and moments agree",
         expected=("schedule", "scheduler", "milestone", "multisteplr", "off by one", "off-by-one", "one step early",
                   "learning rate", "lr", "gamma", "0.3", "decay", "step 8", "step 14", ">=")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RW17_cox_risk_matrix_numpy", side="correct",
         args=pair("cox_matrix_numpy.py", "CoxRiskMatrix", "cox_torch.py", "CoxMLP", *CX, *CX_MATRIX_PARAMS),
         mechanism="pair: the Cox network in NumPy with (out, in) weights and a vector output weight kept as "
                   "attributes, the Breslow risk sets as an explicit n x n matrix R[i, j] = t_j >= t_i (no "
                   "sorting, ties at risk by construction), the backward as R.T products, Adam with the bias "
                   "corrections folded into the step size and epsilon, and a running step-decayed learning "
                   "rate; against the logcumsumexp port", expected=()),
    dict(id="RW18_hazard_logsurvival_port", side="correct",
         args=pair("hazard_numpy.py", "DiscreteHazardNet", "hazard_seq_torch.py", "HazardSeq", *HZ,
                   *HZ_SEQ_PARAMS),
         mechanism="pair: discrete-time hazard port as an nn.Sequential, the likelihood from F.logsigmoid "
                   "log-survival terms with an exclusive cumsum and gather at each row's last interval, "
                   "torch.where for event versus censored, the global-norm clipping by hand on .grad and SGD "
                   "from a param-group dict", expected=()),
    dict(id="RW19_ordinal_diff_gather_port", side="correct",
         args=pair("ordinal_numpy.py", "CumulativeLinkNet", "ordinal_diff_torch.py", "CumLinkDiff", *OR,
                   *OR_DIFF_PARAMS),
         mechanism="pair: cumulative-link port with a vector score parameter, the thresholds as one cumsum over "
                   "[raw_0, softplus(raw_1:)], the grade probabilities as torch.diff of F.pad-ed cumulative "
                   "probabilities read with gather, the penalty through torch.linalg.vector_norm, AdamW groups "
                   "chosen by name and the milestones as a LambdaLR over bisect_right", expected=()),
]
