"""Eighty-fifth fresh held-out set for the diagnosis: one planted bug per program in fresh85/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is multi-task learning written by hand: a shared trunk feeding several task heads whose
losses are combined, with rows whose label for one task is missing masked out of that task's loss.
A house-listing model with a tanh trunk, a price head (mean squared error) and a 3-class segment
head (softmax cross-entropy averaged over the labelled rows), combined as a fixed weighted sum and
trained by SGD with Nesterov momentum, one learning rate per task (torch parameter groups) and
weight decay on the trunk; a clinic model with a two-layer ReLU trunk, a length-of-stay head
(L1 error over the recorded rows) and a readmission head (sigmoid cross-entropy), weighted by learned
homoscedastic uncertainties (log-variances s: sum exp(-s_i) L_i + s_i) and trained by Adam with a
linear learning-rate warmup; and a sensor model with a ReLU trunk and three heads (masked squared
error, masked sigmoid cross-entropy, 4-class softmax cross-entropy) weighted in the
1/(2 sigma^2) form with learned log sigma, its gradients clipped to a global norm and stepped by
RMSprop. The masks are columns of y. fresh85/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh85_cases

Each case:
    id          short name (prefixed RG)
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

F = "scripts/diagnosis_sets/fresh85/"

HOUSE, CLINIC, SENSOR = F + "house.npz", F + "clinic.npz", F + "sensor.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


TH = ("--data", HOUSE, "--batch-size", "16")
TH_PARAMS = params("params['W1']=trunk.weight.T", "params['b1']=trunk.bias", "params['Wr']=reg.weight.T",
                   "params['br']=reg.bias", "params['Wc']=cls.weight.T", "params['bc']=cls.bias")
TH_ALT_PARAMS = params("trunk_w=trunk.weight", "trunk_b=trunk.bias", "price_w=reg.weight",
                       "price_b=reg.bias", "seg_w=cls.weight", "seg_b=cls.bias")
UN = ("--data", CLINIC)
UN_PARAMS = params("params['W1']=trunk.0.weight.T", "params['b1']=trunk.0.bias",
                   "params['W2']=trunk.2.weight.T", "params['b2']=trunk.2.bias",
                   "params['Wr']=stay.weight.T", "params['br']=stay.bias",
                   "params['Wb']=readm.weight.T", "params['bb']=readm.bias", "params['s']=log_vars")
UN_P_PARAMS = params("params['W1']=W1", "params['b1']=b1", "params['W2']=W2", "params['b2']=b2",
                     "params['Wr']=Wr", "params['br']=br", "params['Wb']=Wb", "params['bb']=bb",
                     "params['s']=s")
KD = ("--data", SENSOR, "--batch-size", "12", "--state", "square_avg=net.sq")
KD_PARAMS = params("params['W']=trunk.weight.T", "params['b']=trunk.bias", "params['Wr']=drift.weight.T",
                   "params['br']=drift.bias", "params['Wf']=fault.weight.T", "params['bf']=fault.bias",
                   "params['Wk']=mode.weight.T", "params['bk']=mode.bias",
                   "params['log_sigma']=log_sigma")
KD_FLAT_PARAMS = params("params['W']=trunk.weight.T", "params['b']=trunk.bias",
                        "params['heads_w']=heads.weight.T", "params['heads_b']=heads.bias",
                        "params['log_sigma']=log_sigma")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RG01_th_group_lr", side="port",
         args=pair("twohead_numpy.py", "TwoHeadNet", "01_th_group_lr_port.py", "TwoHeadNet", *TH, *TH_PARAMS),
         mechanism="pair: the segment head's parameter group is given \"lr\": LR_REG (0.1, copied from the price "
                   "head's group) instead of LR_CLS (0.2): the gradients and momentum buffers agree, but every "
                   "update of cls.weight and cls.bias is half the NumPy one; the trunk and price head are right",
         expected=("learning rate", "lr", "parameter group", "param group", "param_groups", "per-task",
                   "per-group", "classification head", "segment head", "cls", "half", "factor 0.5",
                   "update", "scaled", "one factor")),
    dict(id="RG02_th_double_softmax", side="port",
         args=pair("twohead_numpy.py", "TwoHeadNet", "02_th_double_softmax_port.py", "TwoHeadNet", *TH,
                   *TH_PARAMS),
         mechanism="pair: the port's segment head returns torch.softmax(logits) and F.cross_entropy applies "
                   "log_softmax again: the loss is the cross-entropy of softmax(softmax(z)), much flatter, so "
                   "the loss value and the gradients of the segment head and the trunk differ from step 1",
         expected=("softmax", "double softmax", "twice", "cross_entropy", "cross-entropy", "logits",
                   "probabilities", "log_softmax", "already applies", "forward", "output", "classification",
                   "loss", "normaliz")),
    dict(id="RG03_th_target_broadcast", side="port",
         args=pair("twohead_numpy.py", "TwoHeadNet", "03_th_broadcast_port.py", "TwoHeadNet", *TH, *TH_PARAMS),
         mechanism="pair: F.mse_loss(r, t) with r of shape (n, 1) and t of shape (n,) broadcasts to an (n, n) "
                   "matrix: the price loss is the mean over every prediction against every row's target, so "
                   "the regression loss and the gradients of the price head and the trunk are wrong (only a "
                   "warning is raised)",
         expected=("broadcast", "shape", "(n, 1)", "(n,)", "squeeze", "mse_loss", "target", "regression",
                   "price", "n x n", "outer", "every pair", "dimension", "mismatch", "unsqueeze")),
    dict(id="RG04_un_logvars_not_optimized", side="port",
         args=pair("uncert_numpy.py", "UncertaintyMTL", "04_un_logvars_not_optimized_port.py", "UncertaintyMTL",
                   *UN, *UN_PARAMS),
         mechanism="pair: the Adam optimizer is built over the trunk's and the heads' parameters only, leaving "
                   "out the log-variance parameter log_vars: its gradient is computed but it is never updated, "
                   "so the uncertainty weights stay at s = 0 (fixed equal weights) while the NumPy program "
                   "learns them",
         expected=("log_vars", "log-variance", "uncertainty", "not updated", "never updated", "no update",
                   "missing from the optimizer", "optimizer", "parameters()", "left out", "frozen", "s",
                   "task weight", "update", "zero update")),
    dict(id="RG05_un_warmup_precedence", side="port",
         args=pair("uncert_numpy.py", "UncertaintyMTL", "05_un_warmup_precedence_port.py", "UncertaintyMTL",
                   *UN, *UN_PARAMS),
         mechanism="pair: the warmup lambda is min(1.0, step + 1 / WARMUP), an operator-precedence slip for "
                   "(step + 1) / WARMUP: the factor is 0.2 at the first update and 1 from the second on, so "
                   "updates 2 to 4 are made at the full rate instead of 0.4, 0.6, 0.8 of it",
         expected=("warmup", "warm-up", "lambdalr", "learning rate", "schedule", "scheduler", "precedence",
                   "parenthes", "step + 1", "lr_lambda", "linear warmup", "factor", "too large",
                   "early steps", "update")),
    dict(id="RG06_un_exp_sign", side="port",
         args=pair("uncert_numpy.py", "UncertaintyMTL", "06_un_exp_sign_port.py", "UncertaintyMTL", *UN,
                   *UN_PARAMS),
         mechanism="pair: the uncertainty weighting is torch.exp(s) * L + s instead of torch.exp(-s) * L + s: "
                   "the precision is inverted; at s = 0 the loss and head gradients agree, but s's gradient is "
                   "L + 1 instead of 1 - L, so s moves the other way and from step 2 every task weight, the "
                   "loss and all gradients differ",
         expected=("exp(-s)", "exp(s)", "sign", "precision", "uncertainty", "log-variance", "log_vars",
                   "homoscedastic", "task weight", "inverted", "negative", "minus", "weighting", "kendall",
                   "s.grad")),
    dict(id="RG07_kd_rmsprop_alpha", side="port",
         args=pair("kendall_numpy.py", "KendallMTL", "07_kd_rmsprop_alpha_port.py", "KendallMTL", *KD,
                   *KD_PARAMS),
         mechanism="pair: torch.optim.RMSprop is built without alpha=ALPHA, so it uses torch's default smoothing "
                   "constant 0.99 instead of 0.9: the squared-gradient average takes 0.01 g^2 instead of "
                   "0.1 g^2, square_avg and every update differ (the first update is sqrt(10) times larger), "
                   "the gradients agree",
         expected=("rmsprop", "alpha", "0.99", "0.9", "default", "smoothing", "square_avg", "squared gradient",
                   "moving average", "decay rate", "optimizer", "hyperparameter", "update", "denominator")),
    dict(id="RG08_kd_clip_trunk_only", side="port",
         args=pair("kendall_numpy.py", "KendallMTL", "08_kd_clip_trunk_port.py", "KendallMTL", *KD, *KD_PARAMS),
         mechanism="pair: clip_grad_norm_ is given model.trunk.parameters() instead of model.parameters(): the "
                   "norm is measured over the trunk alone (usually under MAX_NORM), so the trunk is rarely "
                   "clipped and the heads' and log_sigma's gradients never are; where the global norm exceeds "
                   "1 every gradient is larger than the NumPy program's clipped one",
         expected=("clip", "clipping", "clip_grad_norm_", "global norm", "gradient norm", "max_norm", "trunk",
                   "heads", "subset", "parameters()", "scaled", "unclipped", "norm", "one factor", "gradient")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RG09_th_trunk_grad_overwrite", side="numpy",
         args=pair("09_th_trunk_grad_overwrite_numpy.py", "TwoHeadNet", "twohead_torch.py", "TwoHeadNet", *TH,
                   *TH_PARAMS),
         mechanism="pair: the gradient reaching the shared trunk is dh = dz @ Wc.T, the segment head's part "
                   "only, instead of the sum dr @ Wr.T + dz @ Wc.T: the price head's contribution is dropped, "
                   "so W1 and b1 get wrong gradients while both heads' gradients and the loss are right",
         expected=("shared", "trunk", "sum", "both heads", "missing term", "dropped", "regression head",
                   "price", "backward", "gradient", "hidden layer", "accumulate", "multi-task", "w1",
                   "chain rule")),
    dict(id="RG10_th_decay_all", side="numpy",
         args=pair("10_th_decay_all_numpy.py", "TwoHeadNet", "twohead_torch.py", "TwoHeadNet", *TH, *TH_PARAMS),
         mechanism="pair: the weight decay dict gives WD to every parameter, the two heads included, instead "
                   "of the trunk only (the port's decay is on the trunk group alone): the heads' momentum "
                   "buffers and updates gain WD * parameter, a difference proportional to the parameter; the "
                   "gradients agree",
         expected=("weight decay", "decay", "l2", "proportional to the parameter", "heads", "trunk only",
                   "parameter group", "every parameter", "wd", "regulariz", "update", "momentum buffer",
                   "bias", "extra term")),
    dict(id="RG11_th_ce_grad_over_n", side="numpy",
         args=pair("11_th_ce_grad_over_n_numpy.py", "TwoHeadNet", "twohead_torch.py", "TwoHeadNet", *TH,
                   *TH_PARAMS),
         mechanism="pair: the segment head's backward divides by the batch size n instead of the number of "
                   "labelled rows cnt that the loss divides by: its gradient is cnt / n (13/16 or 14/16) of "
                   "the true one, varying by batch, in the segment head and in the trunk's share, while the "
                   "loss is right",
         expected=("mask", "masked mean", "labelled", "count", "denominator", "batch size", "n", "normaliz",
                   "backward", "gradient", "missing labels", "scaled", "ratio", "cross-entropy", "divide")),
    dict(id="RG12_un_logvar_grad_no_one", side="numpy",
         args=pair("12_un_logvar_grad_no_one_numpy.py", "UncertaintyMTL", "uncert_torch.py", "UncertaintyMTL",
                   *UN, *UN_PARAMS),
         mechanism="pair: the gradient of the log-variances drops the +1 of the regulariser term s: "
                   "ds = -exp(-s) L instead of -exp(-s) L + 1, so s.grad is off by exactly 1 in each element "
                   "(s is pushed up without limit); every other gradient and the loss are right at step 1",
         expected=("log-variance", "log_vars", "uncertainty", "regulariz", "+ 1", "plus one", "constant",
                   "missing term", "s", "backward", "gradient", "derivative", "homoscedastic", "kendall",
                   "offset")),
    dict(id="RG13_un_bce_sigmoid_deriv", side="numpy",
         args=pair("13_un_bce_sigmoid_deriv_numpy.py", "UncertaintyMTL", "uncert_torch.py", "UncertaintyMTL",
                   *UN, *UN_PARAMS),
         mechanism="pair: the readmission head's backward multiplies the cross-entropy gradient (p - b) by the "
                   "sigmoid derivative p (1 - p) again, though the sigmoid cross-entropy already cancels it: "
                   "that head's gradient and the trunk's share shrink by p (1 - p) (about 1/4), the loss is "
                   "right",
         expected=("sigmoid", "derivative", "p (1 - p)", "p * (1 - p)", "cross-entropy", "bce", "cancel",
                   "already", "backward", "logit", "binary", "extra factor", "activation", "gradient",
                   "readmission")),
    dict(id="RG14_un_adam_vhat_beta1", side="numpy",
         args=pair("14_un_adam_vhat_beta1_numpy.py", "UncertaintyMTL", "uncert_torch.py", "UncertaintyMTL", *UN,
                   *UN_PARAMS),
         mechanism="pair: Adam's second-moment bias correction divides by 1 - BETA1 ** t instead of "
                   "1 - BETA2 ** t: v_hat is about 100 times too small at step 1 (0.1 against 0.001), so the "
                   "updates are about 10 times too large early, the ratio moving with the step; gradients and "
                   "moments agree",
         expected=("adam", "bias correction", "beta2", "beta1", "second moment", "v_hat", "exp_avg_sq",
                   "1 - beta", "update", "optimizer", "ratio", "step", "moves with the step", "too large")),
    dict(id="RG15_kd_softmax_axis", side="numpy",
         args=pair("15_kd_softmax_axis_numpy.py", "KendallMTL", "kendall_torch.py", "KendallMTL", *KD, *KD_PARAMS),
         mechanism="pair: the softmax helper normalises with e.sum(axis=0) (over the rows of the batch) instead "
                   "of axis=1 (over the 4 modes): the mode probabilities, its cross-entropy, the loss and the "
                   "gradients of the mode head, log_sigma and the trunk are wrong from step 1",
         expected=("softmax", "axis", "axis=0", "axis=1", "normaliz", "rows", "classes", "batch", "sum over",
                   "wrong axis", "probabilities", "cross-entropy", "forward", "keepdims", "mode")),
    dict(id="RG16_kd_fault_mask_column", side="numpy",
         args=pair("16_kd_fault_mask_column_numpy.py", "KendallMTL", "kendall_torch.py", "KendallMTL", *KD,
                   *KD_PARAMS),
         mechanism="pair: the fault task's mask is read from y[:, 1] (has_drift) instead of y[:, 3] (has_fault): "
                   "the fault cross-entropy averages over the rows with a recorded drift, including rows whose "
                   "fault is missing (label 0) and leaving out recorded ones; the fault loss, the loss and the "
                   "gradients of the fault head, log_sigma and the trunk differ",
         expected=("mask", "column", "y[:, 3]", "y[:, 1]", "wrong column", "missing", "labelled", "fault",
                   "masked mean", "data", "index", "target", "indicator", "rows", "unlabelled")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RG17_th_attrs_numpy", side="correct",
         args=pair("twohead_alt_numpy.py", "TwoHeadNetAlt", "twohead_torch.py", "TwoHeadNet", *TH,
                   *TH_ALT_PARAMS),
         mechanism="pair: the two-head network in NumPy with (out, in) weights as attributes, np.einsum products, "
                   "a log-sum-exp cross-entropy with np.where masking and np.take_along_axis, torch-like "
                   "parameter groups, and the Nesterov step written as (1 + mu) v_new - mu v_old; against the "
                   "nn.Linear port with SGD parameter groups", expected=()),
    dict(id="RG18_un_raw_param_port", side="correct",
         args=pair("uncert_numpy.py", "UncertaintyMTL", "uncert_params_torch.py", "UncertaintyMTLP", *UN,
                   *UN_P_PARAMS),
         mechanism="pair: uncertainty-weighted port with raw (in, out) nn.Parameters, both heads one matmul "
                   "against torch.cat-ed weights, torch.where masking, softplus(z) - b z for the cross-entropy, "
                   "torch.dot for the weighting, grads set to None by hand and the warmup written into "
                   "param_groups before Adam(foreach=False).step()", expected=()),
    dict(id="RG19_kd_flat_vector_numpy", side="correct",
         args=pair("kendall_flat_numpy.py", "KendallFlat", "kendall_heads_torch.py", "KendallHeads", *KD,
                   *KD_FLAT_PARAMS),
         mechanism="pair: the Kendall-weighted three-task network in NumPy with every parameter (and the "
                   "RMSprop state and the gradient) a view into one flat vector, the heads one (12, 6) matrix, "
                   "global-norm clipping by np.linalg.norm of the flat gradient and the weighting written with "
                   "sigma^2 = exp(2 log_sigma); against a port whose heads are one nn.Linear(12, 6)",
         expected=()),
]
