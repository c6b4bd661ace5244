"""Eighty-sixth fresh held-out set for the diagnosis: one planted bug per program in fresh86/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is deep residual MLPs and normalisation-free training tricks written by hand. A
pre-activation residual MLP for regression (a linear stem, three blocks
h + (1/sqrt(3)) * W2 lrelu(W1 lrelu(h) + b1) + b2 with leaky ReLU, a leaky-ReLU head), the mean
squared error, global-norm gradient clipping and SGD with Nesterov momentum and coupled weight
decay under a linear warmup then cosine schedule, in mini-batches of 16; a ReZero classifier (four
blocks h + alpha_k * F_k(h), a learned scalar alpha_k started at 0.1 and a learned PReLU slope per
block, the logits divided by a learned temperature), softmax cross-entropy on one-hot targets and
AdamW with decoupled decay on the weight matrices only (biases, alphas, slopes and the temperature
in a no-decay parameter group), in mini-batches of 20; and a binary classifier with scaled weight
standardisation in its two hidden layers (each output unit's incoming weights centred, divided by
their population standard deviation and by sqrt(fan_in), differentiated through), ELU, the binary
cross-entropy with logits and RMSprop, full batch. The scalars (alphas, slopes, temperature) are
one-element arrays. fresh86/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh86_cases

Each case:
    id          short name (prefixed RH)
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

F = "scripts/diagnosis_sets/fresh86/"

RESID, SPIRAL, RINGS = F + "resid.npz", F + "spiral.npz", F + "rings.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


PR = ("--data", RESID, "--batch-size", "16")
PR_PARAMS = params("params['W_in']=stem.weight.T", "params['b_in']=stem.bias",
                   *(f"params['{w}_{k}']=blocks.{k}.fc{w[1]}.{'weight.T' if w[0] == 'W' else 'bias'}"
                     for k in range(3) for w in ("W1", "b1", "W2", "b2")),
                   "params['W_out']=head.weight.T", "params['b_out']=head.bias")
PR_ALT_PARAMS = params("stem['W']=stem.weight", "stem['b']=stem.bias",
                       *(f"blocks[{k}]['{w}']=blocks.{k}.fc{w[1]}.{'weight' if w[0] == 'W' else 'bias'}"
                         for k in range(3) for w in ("W1", "b1", "W2", "b2")),
                       "head['W']=head.weight", "head['b']=head.bias")
RZ = ("--data", SPIRAL, "--batch-size", "20")
RZ_PARAMS = params("params['W_in']=stem.weight.T", "params['b_in']=stem.bias",
                   *(f"params['{w}_{k}']=blocks.{k}.{t}"
                     for k in range(4)
                     for w, t in (("W1", "fc1.weight.T"), ("b1", "fc1.bias"), ("a", "slope"),
                                  ("W2", "fc2.weight.T"), ("b2", "fc2.bias"), ("alpha", "alpha"))),
                   "params['W_out']=head.weight.T", "params['b_out']=head.bias", "params['T']=temperature")
RZ_P_PARAMS = params(*(f"params['{k}']=params.{k}" for k in
                       ["W_in", "b_in", *(f"{w}_{k}" for k in range(4) for w in ("W1", "b1", "a", "W2", "b2", "alpha")),
                        "W_out", "b_out"]), "params['T']=params.temperature")
WS = ("--data", RINGS)
WS_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                   "params['b2']=fc2.bias", "params['W3']=out.weight.T", "params['b3']=out.bias")
WS_PZ_PARAMS = params("params['W1']=fc1.parametrizations.weight.original.T", "params['b1']=fc1.bias",
                      "params['W2']=fc2.parametrizations.weight.original.T", "params['b2']=fc2.bias",
                      "params['W3']=out.weight.T", "params['b3']=out.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RH01_pr_scale_1_over_k", side="port",
         args=pair("preres_numpy.py", "PreResMLP", "01_pr_scale_1_over_k_port.py", "PreResMLP", *PR, *PR_PARAMS),
         mechanism="pair: the port's residual-branch scale is 1 / NUM_BLOCKS (1/3) instead of "
                   "1 / sqrt(NUM_BLOCKS) (0.577): every block adds its branch about 0.58 times as large, so the "
                   "residual stream, the output, the loss and every gradient differ from the first step",
         expected=("residual", "residual branch", "scale", "scaling", "1/sqrt", "sqrt", "num_blocks",
                   "number of blocks", "depth", "skip connection", "branch", "forward", "factor",
                   "1/k", "block")),
    dict(id="RH02_pr_clip_after_step", side="port",
         args=pair("preres_numpy.py", "PreResMLP", "02_pr_clip_after_step_port.py", "PreResMLP", *PR, *PR_PARAMS),
         mechanism="pair: the port calls clip_grad_norm_ after optimizer.step(): the update is made with the "
                   "unclipped gradients (the clip only rescales .grad afterwards), so on the steps where the "
                   "global norm exceeds MAX_NORM the updates are larger by norm / MAX_NORM while the gradients "
                   "read after the step agree",
         expected=("clip", "clipping", "clip_grad_norm_", "gradient clipping", "max_norm", "global norm",
                   "order", "after optimizer.step", "before the update", "unclipped", "norm", "update",
                   "one factor", "every parameter", "scaled")),
    dict(id="RH03_pr_cosine_total", side="port",
         args=pair("preres_numpy.py", "PreResMLP", "03_pr_cosine_total_port.py", "PreResMLP", *PR, *PR_PARAMS),
         mechanism="pair: the port's cosine phase divides by TOTAL instead of TOTAL - WARMUP: after the four "
                   "warmup updates the cosine decays over 20 steps instead of 16, so from the sixth update on "
                   "the learning rate is too high (0.146 * LR instead of 0.0096 * LR at the last), one factor "
                   "for every parameter's update growing with the step",
         expected=("schedule", "scheduler", "cosine", "learning rate", "lambdalr", "warmup", "total",
                   "total - warmup", "decay", "annealing", "lr_lambda", "period", "one factor",
                   "every parameter", "update")),
    dict(id="RH04_pr_squeeze_broadcast", side="port",
         args=pair("preres_numpy.py", "PreResMLP", "04_pr_squeeze_broadcast_port.py", "PreResMLP", *PR,
                   *PR_PARAMS),
         mechanism="pair: the port's forward ends in .squeeze(-1), an (n,) output against the (n, 1) target: "
                   "F.mse_loss broadcasts them to an (n, n) matrix, so the loss averages every output against "
                   "every target (out_i - y_j)^2 and all gradients pull each output toward the batch's mean "
                   "target",
         expected=("broadcast", "broadcasting", "shape", "squeeze", "(n, 1)", "(n,)", "target", "mse_loss",
                   "n x n", "outer", "mean of the targets", "dimension", "unsqueeze", "loss", "mismatch")),
    dict(id="RH05_rz_adam_l2", side="port",
         args=pair("rezero_numpy.py", "ReZeroNet", "05_rz_adam_l2_port.py", "ReZeroNet", *RZ, *RZ_PARAMS),
         mechanism="pair: the port builds torch.optim.Adam instead of AdamW with the same parameter groups: the "
                   "decay group's weight_decay becomes an L2 term WD * W added to the gradient inside Adam's "
                   "moments (normalised by sqrt(v)) instead of the decoupled shrink W *= 1 - LR * WD; the weight "
                   "matrices' updates differ, the gradients and the no-decay parameters agree",
         expected=("adamw", "adam", "weight decay", "decoupled", "l2", "coupled", "weight_decay",
                   "optimizer", "decay", "moments", "proportional to the parameter", "lr * wd",
                   "update", "regulariz")),
    dict(id="RH06_rz_slope_item", side="port",
         args=pair("rezero_numpy.py", "ReZeroNet", "06_rz_slope_item_port.py", "ReZeroNet", *RZ, *RZ_PARAMS),
         mechanism="pair: the port's PReLU is F.leaky_relu(z, negative_slope=self.slope.item()): the forward is "
                   "unchanged but .item() takes the learned slope out of the graph, so each block's slope a_k "
                   "gets no gradient (.grad None) and AdamW never updates it, while NumPy learns it",
         expected=("prelu", "slope", "learned slope", ".item()", "item", "no gradient", "grad is none",
                   "detached", "graph", "autograd", "leaky_relu", "negative_slope", "not updated", "frozen",
                   "a_0")),
    dict(id="RH07_rz_decay_by_name", side="port",
         args=pair("rezero_numpy.py", "ReZeroNet", "07_rz_decay_by_name_port.py", "ReZeroNet", *RZ, *RZ_PARAMS),
         mechanism="pair: the port's parameter groups exclude from weight decay only the parameters whose name "
                   "ends in 'bias': the ReZero alphas, the PReLU slopes and the temperature land in the decay "
                   "group and AdamW shrinks each by 1 - LR * WD every step (an update difference proportional "
                   "to the parameter, LR * WD * p), the weights and biases agree",
         expected=("weight decay", "decay", "param_groups", "parameter groups", "no_decay", "alpha", "rezero",
                   "temperature", "slope", "scalar", "bias", "adamw", "decoupled", "proportional to the parameter",
                   "excluded")),
    dict(id="RH08_ws_unbiased_var", side="port",
         args=pair("wsnet_numpy.py", "WSNet", "08_ws_unbiased_var_port.py", "WSNet", *WS, *WS_PARAMS),
         mechanism="pair: the port's weight standardisation takes w.var(dim=1) with torch's default unbiased "
                   "(n - 1) estimator where NumPy's W.var is the population variance: each standardised weight "
                   "is sqrt((n - 1) / n) as large (0.957 for fc1's 12 inputs, 0.968 for fc2's 16), so the "
                   "forward, the loss and every gradient differ from the first step",
         expected=("unbiased", "variance", "var", "bessel", "n - 1", "ddof", "unbiased=false",
                   "correction", "std", "weight standardization", "weight standardisation", "population",
                   "standard deviation", "forward", "default")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RH09_pr_branch_grad_scale", side="numpy",
         args=pair("09_pr_branch_grad_scale_numpy.py", "PreResMLP", "preres_torch.py", "PreResMLP", *PR,
                   *PR_PARAMS),
         mechanism="pair: the hand-written backward passes the residual branch dr = dh instead of "
                   "SCALE * dh: the forward scales the branch by 1/sqrt(3) but the backward does not, so every "
                   "block's W1, b1, W2, b2 gradients are sqrt(3) (1.73) times too large and the stem's gradient "
                   "gains the inflated branch paths; the loss and the head's gradients are right",
         expected=("backward", "residual", "branch", "scale", "1/sqrt", "sqrt(3)", "missing factor",
                   "chain rule", "gradient", "residual scaling", "skip", "block", "too large",
                   "numpy-backward")),
    dict(id="RH10_pr_clip_no_min", side="numpy",
         args=pair("10_pr_clip_no_min_numpy.py", "PreResMLP", "preres_torch.py", "PreResMLP", *PR, *PR_PARAMS),
         mechanism="pair: the clip coefficient is MAX_NORM / (norm + 1e-6) applied always, without min(1, .): "
                   "the clipping becomes a normalisation, every step's gradients rescaled to norm MAX_NORM, so "
                   "the steps whose global norm is already below MAX_NORM get gradients scaled up by "
                   "MAX_NORM / norm (one factor for all parameters); the steps that clip agree",
         expected=("clip", "clipping", "min", "max_norm", "global norm", "normaliz", "scaled up", "gradient norm",
                   "clip_grad_norm_", "one factor", "every parameter", "coefficient", "only when",
                   "below the threshold", "rescale")),
    dict(id="RH11_pr_stem_bias_axis", side="numpy",
         args=pair("11_pr_stem_bias_axis_numpy.py", "PreResMLP", "preres_torch.py", "PreResMLP", *PR,
                   *PR_PARAMS),
         mechanism="pair: the stem bias gradient is dh.sum(axis=1), one sum per row of the batch, instead of "
                   "dh.sum(axis=0) over the rows; the batch of 16 rows and the width of 16 have the same length, "
                   "so the wrong-shaped sum broadcasts silently into b_in's gradient; only b_in's gradient is "
                   "wrong (the loss and the other gradients are right)",
         expected=("axis", "axis=0", "axis=1", "sum over", "bias", "b_in", "bias gradient", "batch",
                   "shape", "reduction", "wrong axis", "rows", "backward", "stem", "broadcast")),
    dict(id="RH12_rz_temp_backward", side="numpy",
         args=pair("12_rz_temp_backward_numpy.py", "ReZeroNet", "rezero_torch.py", "ReZeroNet", *RZ, *RZ_PARAMS),
         mechanism="pair: the backward through logits = raw / T omits the 1/T: draw = dlogits instead of "
                   "dlogits / T, so every gradient below the temperature (head, blocks, alphas, slopes, stem) is "
                   "T (about 1.5) times too large; T's own gradient and the loss are right",
         expected=("temperature", "1/t", "divide", "logits", "backward", "chain rule", "missing factor",
                   "scale", "gradient", "softmax", "too large", "factor", "learned temperature",
                   "numpy-backward")),
    dict(id="RH13_rz_decay_no_lr", side="numpy",
         args=pair("13_rz_decay_no_lr_numpy.py", "ReZeroNet", "rezero_torch.py", "ReZeroNet", *RZ, *RZ_PARAMS),
         mechanism="pair: the decoupled weight decay shrinks the weight matrices by 1 - WD instead of "
                   "1 - LR * WD: the decay is not multiplied by the learning rate, 100 times torch's AdamW "
                   "(5% per step), an update difference proportional to the parameter on every W; gradients "
                   "and the undecayed parameters agree",
         expected=("weight decay", "decoupled", "adamw", "learning rate", "lr * wd", "lr", "decay",
                   "proportional to the parameter", "shrink", "too strong", "update", "optimizer",
                   "multiplied", "factor")),
    dict(id="RH14_ws_gain_fan_out", side="numpy",
         args=pair("14_ws_gain_fan_out_numpy.py", "WSNet", "wsnet_torch.py", "WSNet", *WS, *WS_PARAMS),
         mechanism="pair: the scaled weight standardisation's gain is 1 / sqrt(W.shape[1]), the fan-out of the "
                   "(in, out) array, instead of 1 / sqrt(W.shape[0]), the fan-in: the first hidden layer's "
                   "standardised weights are 0.87 times and the second's 1.41 times as large, in the forward "
                   "and consistently in the backward, so the loss and every gradient differ from the first step",
         expected=("fan_in", "fan-in", "fan_out", "fan-out", "gain", "shape[0]", "shape[1]", "sqrt",
                   "weight standardization", "weight standardisation", "scale", "scaling", "forward", "layout",
                   "in_features")),
    dict(id="RH15_ws_std_constant", side="numpy",
         args=pair("15_ws_std_constant_numpy.py", "WSNet", "wsnet_torch.py", "WSNet", *WS, *WS_PARAMS),
         mechanism="pair: the backward through the weight standardisation treats the standard deviation as a "
                   "constant, (d - mean(d)) / s, dropping the term - w_std * mean(d * w_std) that comes from "
                   "differentiating s: W1's and W2's gradients keep a component along the standardised weights "
                   "(which the true gradient lacks); the loss, the biases and W3 are right",
         expected=("weight standardization", "weight standardisation", "standard deviation", "std", "variance",
                   "backward", "constant", "differentiate through", "missing term", "projection", "chain rule",
                   "normaliz", "gradient", "numpy-backward", "mean")),
    dict(id="RH16_ws_bce_sigmoid_grad", side="numpy",
         args=pair("16_ws_bce_sigmoid_grad_numpy.py", "WSNet", "wsnet_torch.py", "WSNet", *WS, *WS_PARAMS),
         mechanism="pair: the gradient of the binary cross-entropy with logits is written (p - y) p (1 - p) / n "
                   "instead of (p - y) / n, an extra sigmoid derivative (as for a squared error on the "
                   "sigmoid): each row's output gradient is scaled by p (1 - p) <= 0.25, so every gradient is "
                   "wrong while the loss is right",
         expected=("sigmoid", "derivative", "p * (1 - p)", "p(1-p)", "bce", "binary cross-entropy",
                   "cross-entropy", "with logits", "loss gradient", "extra factor", "p - y", "output gradient",
                   "backward", "logits", "cancel")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RH17_pr_layout_einsum_numpy", side="correct",
         args=pair("preres_alt_numpy.py", "PreResMLPAlt", "preres_torch.py", "PreResMLP", *PR, *PR_ALT_PARAMS),
         mechanism="pair: the pre-activation residual MLP in NumPy with torch's (out, in) weight layout, one "
                   "dict per layer (stem, a list of blocks, head), np.maximum for the leaky ReLU, np.einsum "
                   "products, the global norm of all gradients raveled into one vector, momentum buffers in a "
                   "parallel list and the warmup-cosine schedule as a closure; against the nn.Linear port",
         expected=()),
    dict(id="RH18_rz_param_dict_port", side="correct",
         args=pair("rezero_numpy.py", "ReZeroNet", "rezero_params_torch.py", "ReZeroNetP", *RZ, *RZ_P_PARAMS),
         mechanism="pair: ReZero port holding every parameter in one nn.ParameterDict in the NumPy (in, out) "
                   "layout, torch.addmm stem, F.prelu with the one-element slopes, torch.div by the temperature, "
                   "-(y * log_softmax).sum(1).mean() and AdamW(foreach=False) with groups picked by name",
         expected=()),
    dict(id="RH19_ws_parametrize_port", side="correct",
         args=pair("wsnet_numpy.py", "WSNet", "wsnet_parametrize_torch.py", "WSNetP", *WS, *WS_PZ_PARAMS),
         mechanism="pair: weight-standardised port written with torch.nn.utils.parametrize (the standardisation "
                   "a registered parametrization, the trained tensor fc.parametrizations.weight.original), "
                   "torch.rsqrt, softplus(z) - y z for the loss and RMSprop(foreach=False)",
         expected=()),
]
