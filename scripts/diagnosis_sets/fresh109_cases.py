"""One hundred and ninth fresh held-out set for the diagnosis: one planted bug per program in
fresh109/ (eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy
programs, each checked against a correct port of its own) and three correct programs.
The theme is multi-task learning written by hand on tabular rows: a shared trunk MLP with two or
three task heads whose targets sit side by side in y (class codes stored as floats), the NumPy
programs writing every head's backward and summing the heads' gradients into the trunk by hand.
A three-task customer model (tanh trunk; spend regression, churn logit, plan-tier softmax) with
a fixed weighted sum of MSE, BCE-with-logits and cross-entropy, the gradients of all parameters
clipped to one global norm, and Adam with a trunk and a head learning rate (two parameter
groups); a two-task clinic model (two-layer ReLU trunk; regression and four-class heads) whose
task weights are learned homoscedastic uncertainties, exp(-s_i) * L_i + s_i with the log-variances
s trained alongside, under SGD with Nesterov momentum, L2 weight decay in the gradient and a step
schedule (StepLR, halving every five updates); and a two-task loan model (ReLU then tanh trunk;
income regression and default logit) whose income target is missing for a quarter of the rows
(the NaN replaced by 0.0 and a 0/1 mask column beside it), the income loss averaged over the rows
that have one, under RMSprop (alpha 0.9). fresh109/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh109_cases

Each case:
    id          short name (prefixed SE)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Every pair passes --grads net.grads: the NumPy programs make self.grads inside train_step only.

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh109/"

CUSTOMERS, CLINIC, LOANS = F + "customers.npz", F + "clinic.npz", F + "loans.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", "--grads", "net.grads", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


MTL = ("--data", CUSTOMERS, "--batch-size", "16")
MTL_PARAMS = params("params['W1']=trunk.weight.T", "params['b1']=trunk.bias",
                    "params['Wr']=reg.weight.T", "params['br']=reg.bias",
                    "params['Wb']=bin.weight.T", "params['bb']=bin.bias",
                    "params['Wc']=cls.weight.T", "params['bc']=cls.bias")
MTL_ROW_PARAMS = params("W_trunk=trunk.weight", "b_trunk=trunk.bias", "W_reg=reg.weight", "b_reg=reg.bias",
                        "W_bin=bin.weight", "b_bin=bin.bias", "W_cls=cls.weight", "b_cls=cls.bias")
KU = ("--data", CLINIC, "--batch-size", "20")
KU_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias",
                   "params['W2']=fc2.weight.T", "params['b2']=fc2.bias",
                   "params['Wr']=reg_head.weight.T", "params['br']=reg_head.bias",
                   "params['Wc']=cls_head.weight.T", "params['bc']=cls_head.bias",
                   "params['log_vars']=log_vars")
KU_SEQ_PARAMS = params("params['W1']=trunk.0.weight.T", "params['b1']=trunk.0.bias",
                       "params['W2']=trunk.2.weight.T", "params['b2']=trunk.2.bias",
                       "params['Wr']=heads.reg.weight.T", "params['br']=heads.reg.bias",
                       "params['Wc']=heads.cls.weight.T", "params['bc']=heads.cls.bias",
                       "params['log_vars']=log_vars")
MM = ("--data", LOANS, "--batch-size", "12")
MM_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias",
                   "params['W2']=fc2.weight.T", "params['b2']=fc2.bias",
                   "params['w_inc']=income.weight.T", "params['b_inc']=income.bias",
                   "params['w_def']=default.weight.T", "params['b_def']=default.bias")
MM_RAW_PARAMS = params("params['W1']=params.W1", "params['b1']=params.b1", "params['W2']=params.W2",
                       "params['b2']=params.b2", "params['w_inc']=params.w_inc",
                       "params['b_inc']=params.b_inc", "params['w_def']=params.w_def",
                       "params['b_def']=params.b_def")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="SE01_mtl_nll_raw_logits", side="port",
         args=pair("mtl_numpy.py", "ThreeHeadMTL", "01_mtl_nll_raw_logits_port.py", "ThreeHeadMTL", *MTL,
                   *MTL_PARAMS),
         mechanism="pair: the port's plan-tier loss is F.nll_loss(logits, codes) on the raw logits instead of "
                   "F.cross_entropy (no log_softmax first): the class loss becomes -mean(logit of the true "
                   "class), the log-sum-exp term is missing, so the loss and the gradients of the class head "
                   "and the trunk differ (dlogits = -onehot / n instead of (softmax - onehot) / n)",
         expected=("nll_loss", "log_softmax", "cross_entropy", "cross-entropy", "logits", "raw logits",
                   "log-softmax", "softmax", "log-sum-exp", "logsumexp", "normaliz", "class head",
                   "multi-class", "loss", "probabilities")),
    dict(id="SE02_mtl_reg_unsqueezed", side="port",
         args=pair("mtl_numpy.py", "ThreeHeadMTL", "02_mtl_reg_unsqueezed_port.py", "ThreeHeadMTL", *MTL,
                   *MTL_PARAMS),
         mechanism="pair: the port's regression head output is left (n, 1) (no .squeeze(1)) and "
                   "F.mse_loss(reg, y[:, 0]) with a target of shape (n,) broadcasts to an (n, n) matrix: the "
                   "loss averages every prediction against every row's target, so the regression loss and "
                   "the gradients of the regression head and the trunk differ",
         expected=("broadcast", "broadcasting", "shape", "(n, 1)", "(n,)", "squeeze", "unsqueeze",
                   "mse_loss", "regression", "target", "outer", "n x n", "dimension", "every pair",
                   "mean")),
    dict(id="SE03_mtl_head_not_in_groups", side="port",
         args=pair("mtl_numpy.py", "ThreeHeadMTL", "03_mtl_head_not_in_groups_port.py", "ThreeHeadMTL", *MTL,
                   *MTL_PARAMS),
         mechanism="pair: the port's head parameter group lists the regression and class heads but leaves "
                   "out the binary (churn) head, so Adam never updates bin.weight and bin.bias: their "
                   "gradients are computed (and clipped) but the two parameters stay at their initial "
                   "values while the NumPy program moves them",
         expected=("param group", "parameter group", "param_groups", "optimizer", "not updated",
                   "never updated", "missing", "left out", "frozen", "bin", "binary head", "head",
                   "update", "no update", "adam")),
    dict(id="SE04_kendall_exp_sign", side="port",
         args=pair("kendall_numpy.py", "UncertaintyMTL", "04_kendall_exp_sign_port.py", "UncertaintyMTL", *KU,
                   *KU_PARAMS),
         mechanism="pair: the port weights each task by torch.exp(s_i) instead of torch.exp(-s_i) in the "
                   "uncertainty loss: at s = 0 the loss and the network's gradients agree, but the gradient "
                   "of the log-variances is 1 + exp(s) L_i instead of 1 - exp(-s) L_i, so log_vars moves the "
                   "wrong way from the first step and every task weight then differs",
         expected=("log_vars", "log-variance", "log variance", "uncertainty", "homoscedastic", "kendall",
                   "exp(-s)", "exp(s)", "sign", "precision", "task weight", "weighting", "learned weight",
                   "negative", "exponent")),
    dict(id="SE05_kendall_sched_first", side="port",
         args=pair("kendall_numpy.py", "UncertaintyMTL", "05_kendall_sched_first_port.py", "UncertaintyMTL",
                   *KU, *KU_PARAMS),
         mechanism="pair: the port calls scheduler.step() before loss.backward() and optimizer.step(), so the "
                   "StepLR count runs one update ahead: the learning rate halves at update 5 (then 10, 15, 20) "
                   "instead of 6 (11, 16); updates 1-4 agree, from update 5 one in five updates is made with "
                   "half the NumPy rate",
         expected=("scheduler", "steplr", "schedule", "scheduler.step", "before optimizer.step", "order",
                   "off by one", "off-by-one", "one step early", "learning rate", "step decay", "gamma",
                   "halved", "step_size", "decay")),
    dict(id="SE06_masked_double_sigmoid", side="port",
         args=pair("masked_mtl_numpy.py", "MaskedMTL", "06_masked_double_sigmoid_port.py", "MaskedMTL", *MM,
                   *MM_PARAMS),
         mechanism="pair: the port's default head returns torch.sigmoid(logit) and the loss is still "
                   "F.binary_cross_entropy_with_logits, so the sigmoid is applied twice: the BCE sees "
                   "sigmoid(sigmoid(z)), squeezed into (0.5, 0.73), the binary loss and the gradients of the "
                   "default head and the trunk differ (the income task agrees)",
         expected=("sigmoid", "double sigmoid", "twice", "binary_cross_entropy_with_logits", "with_logits",
                   "logits", "probabilities", "bce", "binary", "applied twice", "activation", "default head",
                   "forward", "logit", "squash")),
    dict(id="SE07_masked_mask_ignored", side="port",
         args=pair("masked_mtl_numpy.py", "MaskedMTL", "07_masked_mask_ignored_port.py", "MaskedMTL", *MM,
                   *MM_PARAMS),
         mechanism="pair: the port's income loss is F.mse_loss(inc, target) over every row: the missing-label "
                   "mask column is ignored, so the rows whose income is absent are fitted to the 0.0 "
                   "placeholder and the mean divides by the batch size instead of the observed count; the "
                   "income loss and every gradient on the income path differ",
         expected=("mask", "missing", "missing label", "absent", "placeholder", "nan", "observed",
                   "unobserved", "ignored", "all rows", "count", "mse_loss", "income", "label mask",
                   "masked mean")),
    dict(id="SE08_masked_rmsprop_alpha", side="port",
         args=pair("masked_mtl_numpy.py", "MaskedMTL", "08_masked_rmsprop_alpha_port.py", "MaskedMTL", *MM,
                   *MM_PARAMS),
         mechanism="pair: the port builds torch.optim.RMSprop(params, lr=LR) without alpha=0.9, so torch's "
                   "default smoothing alpha=0.99 is used: the running square average takes 0.01 g^2 instead "
                   "of 0.1 g^2, the first update is about sqrt(10) times larger and every later one differs; "
                   "gradients agree",
         expected=("rmsprop", "alpha", "0.99", "0.9", "default", "smoothing", "square_avg", "squared average",
                   "running average", "decay rate", "optimizer", "update", "hyperparameter", "second moment",
                   "sqrt(10)")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="SE09_mtl_trunk_misses_bin", side="numpy",
         args=pair("09_mtl_trunk_misses_bin_numpy.py", "ThreeHeadMTL", "mtl_torch.py", "ThreeHeadMTL", *MTL,
                   *MTL_PARAMS),
         mechanism="pair: the hand-written trunk gradient sums only the regression and class heads' "
                   "contributions, dh = dreg Wr^T + dlogits Wc^T, leaving out the binary head's dzb Wb^T: the "
                   "head gradients and the loss are right, W1 and b1 get gradients without the churn task "
                   "(and the global clipping norm changes with them)",
         expected=("trunk", "shared", "sum of", "heads", "missing term", "binary head", "dh", "backward",
                   "gradient", "chain rule", "w1", "b1", "contribution", "multi-task", "accumulate")),
    dict(id="SE10_mtl_clip_squared_norm", side="numpy",
         args=pair("10_mtl_clip_squared_norm_numpy.py", "ThreeHeadMTL", "mtl_torch.py", "ThreeHeadMTL", *MTL,
                   *MTL_PARAMS),
         mechanism="pair: the global gradient norm for clipping is the sum of squares without np.sqrt: while "
                   "the true norm exceeds MAX_NORM the squared norm is larger still, so every gradient is "
                   "scaled by MAX_NORM / |g|^2 instead of MAX_NORM / |g| (one common factor too small for all "
                   "parameters); once the norm is below 1 both leave the gradients alone",
         expected=("clip", "clipping", "clip_grad_norm", "norm", "sqrt", "squared norm", "sum of squares",
                   "global norm", "max_norm", "scale", "common factor", "all parameters", "gradient norm",
                   "l2 norm", "one factor")),
    dict(id="SE11_mtl_softmax_axis", side="numpy",
         args=pair("11_mtl_softmax_axis_numpy.py", "ThreeHeadMTL", "mtl_torch.py", "ThreeHeadMTL", *MTL,
                   *MTL_PARAMS),
         mechanism="pair: the class-head softmax normalises e over axis=0 (across the rows of the batch) "
                   "instead of axis=1 (across the three classes): the probabilities of each class sum to one "
                   "over the batch, so the cross-entropy loss and the gradients of the class head and the "
                   "trunk differ (the regression and binary heads agree)",
         expected=("softmax", "axis", "axis=0", "axis=1", "normaliz", "batch", "classes", "sum to one",
                   "probabilities", "cross-entropy", "cross_entropy", "forward", "class head", "dimension",
                   "wrong axis")),
    dict(id="SE12_kendall_logvar_grad", side="numpy",
         args=pair("12_kendall_logvar_grad_numpy.py", "UncertaintyMTL", "kendall_torch.py", "UncertaintyMTL",
                   *KU, *KU_PARAMS),
         mechanism="pair: the hand-written gradient of the log-variances is -exp(-s) * L_i, dropping the 1 "
                   "that the + s_i regulariser contributes: the loss and every network gradient are right, "
                   "log_vars' gradient is off by exactly 1 per task, so s drifts down and the task weights "
                   "exp(-s) grow",
         expected=("log_vars", "log-variance", "uncertainty", "homoscedastic", "kendall", "regularizer",
                   "regulariser", "+ s", "constant", "off by 1", "missing term", "gradient", "backward",
                   "task weight", "derivative")),
    dict(id="SE13_kendall_buffer_no_wd", side="numpy",
         args=pair("13_kendall_buffer_no_wd_numpy.py", "UncertaintyMTL", "kendall_torch.py", "UncertaintyMTL",
                   *KU, *KU_PARAMS),
         mechanism="pair: the momentum buffer accumulates the raw gradient g instead of d_p = g + WD * p, while "
                   "the Nesterov step still adds d_p: the weight-decay term enters the update once instead of "
                   "through the buffer too, so the velocity (torch's momentum_buffer) and the updates differ "
                   "by terms proportional to the parameters; the gradients agree",
         expected=("weight decay", "weight_decay", "momentum buffer", "momentum_buffer", "velocity", "nesterov",
                   "momentum", "sgd", "decay", "proportional to the parameter", "l2", "update", "buffer",
                   "optimizer", "wd")),
    dict(id="SE14_kendall_step_offbyone", side="numpy",
         args=pair("14_kendall_step_offbyone_numpy.py", "UncertaintyMTL", "kendall_torch.py", "UncertaintyMTL",
                   *KU, *KU_PARAMS),
         mechanism="pair: the step schedule is LR * GAMMA ** (t // STEP) with t counted from 1, instead of "
                   "(t - 1) // STEP: the rate halves at update 5 instead of 6 (and at 10, 15, 20), so those "
                   "updates are half of torch's StepLR ones while the gradients agree",
         expected=("schedule", "step decay", "steplr", "learning rate", "off by one", "off-by-one", "t - 1",
                   "one step early", "gamma", "halved", "step_size", "decay", "update", "scheduler",
                   "ratio")),
    dict(id="SE15_masked_grad_over_n", side="numpy",
         args=pair("15_masked_grad_over_n_numpy.py", "MaskedMTL", "masked_mtl_torch.py", "MaskedMTL", *MM,
                   *MM_PARAMS),
         mechanism="pair: the hand-written gradient of the masked income loss divides by the batch size n "
                   "instead of the observed count sum(m) that the loss divides by: the income-path gradients "
                   "(income head and its share of the trunk) are scaled by count / n (about 0.5 to 0.9 per "
                   "batch) while the loss value is right",
         expected=("mask", "count", "observed", "missing", "denominator", "batch size", "divide", "n",
                   "normaliz", "backward", "gradient", "income", "masked mean", "scaled", "inconsistent")),
    dict(id="SE16_masked_eps_in_sqrt", side="numpy",
         args=pair("16_masked_eps_in_sqrt_numpy.py", "MaskedMTL", "masked_mtl_torch.py", "MaskedMTL", *MM,
                   *MM_PARAMS),
         mechanism="pair: the RMSprop step divides by np.sqrt(square_avg + EPS) instead of "
                   "np.sqrt(square_avg) + EPS: epsilon inside the square root is sqrt(1e-8) = 1e-4 in effect, "
                   "so entries with small running squares take visibly smaller steps; gradients and the "
                   "running averages agree, the updates differ",
         expected=("eps", "epsilon", "sqrt", "square root", "inside", "outside", "rmsprop", "denominator",
                   "square_avg", "update", "optimizer", "small gradients", "numerical", "stability",
                   "1e-8")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="SE17_mtl_rowmajor_numpy", side="correct",
         args=pair("mtl_rowmajor_numpy.py", "RowMajorMTL", "mtl_torch.py", "ThreeHeadMTL", *MTL, *MTL_ROW_PARAMS),
         mechanism="pair: the three-task model in NumPy with weights as attributes in torch's (out, in) layout "
                   "(X @ W.T), a log-sum-exp cross-entropy, np.logaddexp binary loss, a tanh-form sigmoid, a "
                   "boolean one-hot, np.linalg.norm over one concatenated gradient vector for clipping, Adam's "
                   "state as a dict of (m, v) tuples and setattr updates; against the nn.Linear port",
         expected=()),
    dict(id="SE18_kendall_sequential_port", side="correct",
         args=pair("kendall_numpy.py", "UncertaintyMTL", "kendall_sequential_torch.py", "SequentialUncertainty",
                   *KU, *KU_SEQ_PARAMS),
         mechanism="pair: uncertainty-weighted port with an nn.Sequential trunk, an nn.ModuleDict of heads, "
                   "the weighting as one vector expression, log_softmax + gather for the cross-entropy, a "
                   "user-written torch.optim.Optimizer subclass (Nesterov, weight decay, its own "
                   "momentum_buffer) and a LambdaLR step decay", expected=()),
    dict(id="SE19_masked_raw_params_port", side="correct",
         args=pair("masked_mtl_numpy.py", "MaskedMTL", "masked_mtl_raw_torch.py", "RawMaskedMTL", *MM,
                   *MM_RAW_PARAMS),
         mechanism="pair: missing-label port with raw (in, out) nn.Parameters in an nn.ParameterDict, boolean "
                   "indexing of the rows with an income and F.mse_loss over them, softplus(z) - y z for the "
                   "binary loss, y.unbind for the target columns and RMSprop(foreach=False)", expected=()),
]
