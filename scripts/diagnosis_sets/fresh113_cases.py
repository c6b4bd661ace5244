"""Hundred-and-thirteenth fresh held-out set for the diagnosis: one planted bug per program in
fresh113/ (eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy
programs, each checked against a correct port of its own) and three correct programs.
The theme is survival analysis and ordinal regression written by hand. A DeepSurv-style Cox risk
model (a tanh hidden layer and a bias-free linear risk score) trained on the negative Cox partial
log-likelihood with Breslow's handling of tied times (the risk set of i is everyone with
time_j >= time_i), averaged over the events, Adam with an L2 term on the weights only and a step
schedule; a proportional-odds (cumulative logit) ordinal classifier over five grades, a ReLU score
against four ordered thresholds parameterised as a first value plus softplus increments, the mean
negative log-likelihood, SGD with heavy-ball momentum, weight decay on the weights only and a
multi-step schedule; and quantile regression of the 10%, 50% and 90% quantiles with the pinball
loss averaged over rows and quantiles, global-norm gradient clipping and AdamW with decoupled
decay on the weights only. The survival data hold y = [time, event] (integer months, many ties,
23 events of 40); the grades are int64 labels 0..4. fresh113/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh113_cases

Each case:
    id          short name (prefixed SI)
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

F = "scripts/diagnosis_sets/fresh113/"

SURV, GRADES, LOAD = F + "surv.npz", F + "grades.npz", F + "load.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


COX = ("--data", SURV)
COX_PARAMS = params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['W2']=risk.weight.T")
COX_FLAT_PARAMS = params("W1=hidden.weight.T", "b1=hidden.bias", "W2=risk.weight.T")
POM = ("--data", GRADES, "--batch-size", "16")
POM_PARAMS = params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['W2']=score.weight.T",
                    "params['theta0']=theta0", "params['deltas']=deltas")
POM_RAW_PARAMS = params("params['W1']=W1", "params['b1']=b1", "params['W2']=w2", "params['theta0']=cuts.first",
                        "params['deltas']=cuts.gaps")
QR = ("--data", LOAD, "--batch-size", "12")
QR_PARAMS = params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['W2']=out.weight.T",
                   "params['b2']=out.bias")
QR_RAW_PARAMS = params("params['W1']=W1", "params['b1']=b1", "params['W2']=W2", "params['b2']=b2")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="SI01_cox_ties_logcumsumexp", side="port",
         args=pair("cox_numpy.py", "CoxMLP", "01_cox_ties_logcumsumexp_port.py", "CoxMLP", *COX, *COX_PARAMS),
         mechanism="pair: the port takes the risk-set log-sums as torch.logcumsumexp over the etas sorted latest "
                   "first, which ends each subject's risk set at its own row: subjects tied with it in time but "
                   "sorted after it are left out of its denominator (no Breslow tie handling), so the loss and "
                   "every gradient differ wherever an event time is tied (8 tied event times)",
         expected=("tie", "ties", "tied", "breslow", "risk set", "logcumsumexp", "cumulative", "cumsum",
                   "sorted", "partial likelihood", "cox", "denominator", "survival time", "at risk",
                   "log-sum-exp")),
    dict(id="SI02_cox_adamw", side="port",
         args=pair("cox_numpy.py", "CoxMLP", "02_cox_adamw_port.py", "CoxMLP", *COX, *COX_PARAMS),
         mechanism="pair: the port's optimizer is torch.optim.AdamW where the NumPy program is Adam with an L2 "
                   "term: the weight decay of W1 and W2 is decoupled (p *= 1 - lr * WD) instead of WD * W added "
                   "to the gradient before the moments, so their exp_avg, exp_avg_sq and updates differ while "
                   "the gradients agree (b1 is not decayed and agrees)",
         expected=("adamw", "adam", "decoupled", "weight decay", "l2", "coupled", "decay", "weight_decay",
                   "exp_avg", "moment", "optimizer", "update", "proportional to the parameter",
                   "gradient term")),
    dict(id="SI03_cox_exponential_schedule", side="port",
         args=pair("cox_numpy.py", "CoxMLP", "03_cox_exp_schedule_port.py", "CoxMLP", *COX, *COX_PARAMS),
         mechanism="pair: the step schedule (halve every 8 updates, StepLR) is ported as "
                   "ExponentialLR(gamma=0.5 ** (1 / 8)): the rate decays a little every update, "
                   "LR * 0.5^((t-1)/8) instead of LR * 0.5^((t-1)//8), so from update 2 each update is smaller by "
                   "a factor 0.917^((t-1) mod 8) that moves with the step and returns to 1 at updates 9 and 17",
         expected=("schedule", "scheduler", "learning rate", "exponentiallr", "exponential", "steplr", "step decay",
                   "decay", "gamma", "lr", "step size", "every step", "ratio", "moves with the step",
                   "smooth")),
    dict(id="SI04_pom_exp_increments", side="port",
         args=pair("pom_numpy.py", "OrdinalMLP", "04_pom_exp_increments_port.py", "OrdinalMLP", *POM, *POM_PARAMS),
         mechanism="pair: the port makes the threshold increments torch.exp(deltas) instead of "
                   "F.softplus(deltas): with deltas near 0.6 each gap is about 1.8 instead of 1.04, the "
                   "thresholds spread wider, so the cumulative probabilities, the loss and every gradient differ "
                   "from the first step (the deltas' gradient carries exp instead of sigmoid)",
         expected=("softplus", "exp", "exponential", "threshold", "thresholds", "increment", "cutpoint",
                   "ordinal", "cumulative", "parameterization", "parameterisation", "deltas", "positive",
                   "forward", "ordered")),
    dict(id="SI05_pom_index_all_pairs", side="port",
         args=pair("pom_numpy.py", "OrdinalMLP", "05_pom_index_all_pairs_port.py", "OrdinalMLP", *POM, *POM_PARAMS),
         mechanism="pair: the port picks the grade probabilities with Fpad[:, y + 1] - Fpad[:, y] instead of "
                   "Fpad[rows, y + 1] - Fpad[rows, y]: the result is (16, 16), every row's probability of every "
                   "label in the batch, and the mean negative log is over all 256 pairs instead of the 16 "
                   "observed grades; the loss and every gradient differ",
         expected=("index", "indexing", "gather", "arange", "rows", "broadcast", "shape", "label", "labels",
                   "every label", "all pairs", "n x n", "(n, n)", "outer", "advanced indexing")),
    dict(id="SI06_pom_wd_all_params", side="port",
         args=pair("pom_numpy.py", "OrdinalMLP", "06_pom_wd_all_params_port.py", "OrdinalMLP", *POM, *POM_PARAMS),
         mechanism="pair: the port builds SGD over model.parameters() with weight_decay=WD (the two groups it "
                   "defines are not used): the hidden bias, theta0 and the deltas are decayed too, their momentum "
                   "buffers gain WD * param and their updates differ by a term proportional to the parameter; "
                   "the weights agree",
         expected=("weight decay", "weight_decay", "bias", "biases", "threshold", "theta0", "deltas",
                   "all parameters", "model.parameters()", "param group", "proportional to the parameter",
                   "decay", "l2", "momentum buffer", "exclude")),
    dict(id="SI07_qr_residual_sign", side="port",
         args=pair("qr_numpy.py", "QuantileMLP", "07_qr_residual_sign_port.py", "QuantileMLP", *QR, *QR_PARAMS),
         mechanism="pair: the port's pinball residual is r = q - y instead of y - q: each output is trained with "
                   "the pinball loss of 1 - tau, so the 10% and 90% quantile outputs swap targets (the median is "
                   "unchanged); the loss and the gradients of their output columns (and through them W1, b1) "
                   "differ",
         expected=("pinball", "quantile", "residual", "sign", "y - q", "1 - tau", "tau", "asymmetric",
                   "swapped", "flipped", "check loss", "loss", "reversed", "quantile loss")),
    dict(id="SI08_qr_clip_value", side="port",
         args=pair("qr_numpy.py", "QuantileMLP", "08_qr_clip_value_port.py", "QuantileMLP", *QR, *QR_PARAMS),
         mechanism="pair: the port clips with clip_grad_value_(params, 0.3) instead of clip_grad_norm_: no "
                   "element reaches 0.3 (the largest is about 0.14), so nothing is clipped, and on the steps where "
                   "the global gradient norm exceeds 0.3 (steps 3, 6 and 9) the port's gradients, moments and "
                   "updates are not scaled down to it",
         expected=("clip", "clipping", "clip_grad_norm_", "clip_grad_value_", "gradient norm", "global norm",
                   "max_norm", "by value", "norm", "scaled", "scale", "one factor", "not clipped",
                   "threshold")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="SI09_cox_riskset_transpose", side="numpy",
         args=pair("09_cox_riskset_transpose_numpy.py", "CoxMLP", "cox_torch.py", "CoxMLP", *COX, *COX_PARAMS),
         mechanism="pair: the hand-written backward of the log risk-set sums uses R @ (event / S) instead of "
                   "R.T @ (event / S): subject k collects event_i / S_i over its own risk set (the subjects who "
                   "outlive it) instead of over the events whose risk set contains it; the loss is right, the "
                   "gradients of W1, b1 and W2 are wrong",
         expected=("transpose", "r.t", "risk set", "backward", "gradient", "partial likelihood", "cox",
                   "log-sum-exp", "wrong axis", "axis", "event", "chain rule", "hand-written", "at risk")),
    dict(id="SI10_cox_lse_shift", side="numpy",
         args=pair("10_cox_lse_shift_numpy.py", "CoxMLP", "cox_torch.py", "CoxMLP", *COX, *COX_PARAMS),
         mechanism="pair: the stable log-sum-exp leaves out the shift, log_S = log(sum exp(eta - max eta)) "
                   "without + max eta: the reported loss is too small by max(eta) at every step, while the "
                   "gradients and updates (built from the shift-free ratios) are right",
         expected=("log-sum-exp", "logsumexp", "shift", "max", "stable", "stability", "loss value",
                   "reported loss", "offset", "constant", "loss only", "partial likelihood", "log",
                   "inconsistent")),
    dict(id="SI11_cox_eps_in_sqrt", side="numpy",
         args=pair("11_cox_eps_in_sqrt_numpy.py", "CoxMLP", "cox_torch.py", "CoxMLP", *COX, *COX_PARAMS),
         mechanism="pair: the Adam step divides by sqrt(v_hat + EPS) instead of sqrt(v_hat) + EPS: the effective "
                   "epsilon is 1e-4 instead of 1e-8, so parameters with small second moments take much smaller "
                   "steps; the gradients and both moments agree, the updates differ",
         expected=("eps", "epsilon", "sqrt", "square root", "inside", "outside", "adam", "denominator",
                   "v_hat", "second moment", "update", "optimizer", "1e-8", "small gradients")),
    dict(id="SI12_pom_milestone_early", side="numpy",
         args=pair("12_pom_milestone_early_numpy.py", "OrdinalMLP", "pom_torch.py", "OrdinalMLP", *POM, *POM_PARAMS),
         mechanism="pair: the multi-step schedule counts milestones <= t instead of <= t - 1 for the t-th update: "
                   "the rate drops one update early, so updates 6 and 12 use 0.3 times the port's rate (every "
                   "parameter the same factor); the gradients and momentum buffers agree",
         expected=("schedule", "milestone", "multisteplr", "learning rate", "off by one", "off-by-one",
                   "one step early", "early", "lr", "gamma", "decay", "step count", "one factor",
                   "scheduler")),
    dict(id="SI13_pom_delta_cumsum", side="numpy",
         args=pair("13_pom_delta_cumsum_numpy.py", "OrdinalMLP", "pom_torch.py", "OrdinalMLP", *POM, *POM_PARAMS),
         mechanism="pair: the increments' gradient uses the forward cumulative sum np.cumsum(dthr[1:]) instead of "
                   "the reverse one: increment j collects the gradients of thresholds 1..j+1 instead of the "
                   "thresholds j+1..3 it shifts; only the deltas' gradient is wrong, the loss and the other "
                   "gradients are right",
         expected=("cumsum", "cumulative sum", "reverse", "reversed", "deltas", "threshold", "increment",
                   "backward", "gradient", "ordinal", "softplus", "chain rule", "direction", "order")),
    dict(id="SI14_pom_softplus_forward", side="numpy",
         args=pair("14_pom_softplus_numpy.py", "OrdinalMLP", "pom_torch.py", "OrdinalMLP", *POM, *POM_PARAMS),
         mechanism="pair: the stable softplus drops its max(z, 0) term, log1p(exp(-|z|)) = softplus(-|z|): the "
                   "threshold increments are about 0.44 instead of 1.04, so the thresholds, the cumulative "
                   "probabilities, the loss and every gradient differ (the backward still uses sigmoid(deltas))",
         expected=("softplus", "log1p", "max(z, 0)", "stable", "threshold", "thresholds", "increment",
                   "deltas", "forward", "ordinal", "cumulative", "missing term", "activation",
                   "parameterization")),
    dict(id="SI15_qr_grad_rows_only", side="numpy",
         args=pair("15_qr_grad_rows_only_numpy.py", "QuantileMLP", "qr_torch.py", "QuantileMLP", *QR, *QR_PARAMS),
         mechanism="pair: the pinball subgradient is divided by len(r) = 12 rows instead of r.size = 36 (rows "
                   "times quantiles) while the loss is the mean over both: every gradient is 3 times too large "
                   "before clipping; the global-norm clip at 0.3 then cuts it on every step (the port's only on "
                   "steps 3, 6 and 9), so the clipped gradients differ by a factor that changes with the step",
         expected=("mean", "reduction", "normaliz", "denominator", "size", "quantiles", "factor 3", "3 times",
                   "scaled", "pinball", "subgradient", "backward", "number of outputs", "gradient",
                   "divide")),
    dict(id="SI16_qr_decay_without_lr", side="numpy",
         args=pair("16_qr_decay_without_lr_numpy.py", "QuantileMLP", "qr_torch.py", "QuantileMLP", *QR, *QR_PARAMS),
         mechanism="pair: AdamW's decoupled decay is p *= 1 - WD instead of 1 - LR * WD: the weights shrink by 5% "
                   "every step instead of 0.05%, an update difference proportional to the parameter on W1 and W2 "
                   "(the gradients, moments and biases agree at the first step)",
         expected=("weight decay", "decoupled", "adamw", "learning rate", "lr", "decay", "proportional to the "
                   "parameter", "shrink", "1 - lr * wd", "missing lr", "update", "optimizer", "multiplied",
                   "scale")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="SI17_cox_flat_sorted_numpy", side="correct",
         args=pair("cox_sorted_numpy.py", "CoxFlat", "cox_torch.py", "CoxMLP", *COX, *COX_FLAT_PARAMS),
         mechanism="pair: the Cox model in NumPy with every parameter a view into one flat vector, the risk "
                   "sets as a cumulative sum over the subjects sorted latest first read at the end of each tie "
                   "group (np.unique), the backward a reverse cumulative sum over tie groups, Adam on flat moment "
                   "vectors with a 0/1 decay mask and the step schedule as a function", expected=()),
    dict(id="SI18_pom_raw_param_port", side="correct",
         args=pair("pom_numpy.py", "OrdinalMLP", "pom_params_torch.py", "OrdinalRaw", *POM, *POM_RAW_PARAMS),
         mechanism="pair: ordinal port with raw (in, out) nn.Parameters, the thresholds in an nn.ParameterDict, "
                   "F.pad and torch.diff for the grade probabilities, F.nll_loss on their logs, and the "
                   "multi-step rate written into param_groups by hand from bisect before each step", expected=()),
    dict(id="SI19_qr_raw_manual_clip_port", side="correct",
         args=pair("qr_numpy.py", "QuantileMLP", "qr_raw_torch.py", "QuantileRaw", *QR, *QR_RAW_PARAMS),
         mechanism="pair: quantile port with raw (in, out) nn.Parameters, the pinball loss as "
                   "0.5 |r| + (tau - 0.5) r, the global-norm clipping written by hand with "
                   "torch.linalg.vector_norm, and AdamW's decoupled decay done by hand before a plain Adam step",
         expected=()),
]
