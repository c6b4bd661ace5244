"""Hundred-and-fifteenth fresh held-out set for the diagnosis: one planted bug per program in
fresh115/ (eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy
programs, each checked against a correct port of its own) and three correct programs.
The theme is gated and mixture architectures written by hand, on tabular data. A mixture of
experts for regression: a softmax gate over three small tanh expert MLPs whose weights are
batched as (E, D, H), the prediction the gate-weighted sum of the experts, the mean squared error
plus a load-balancing penalty LB * E * sum of the squared mean gate, Adam with a smooth
exponential learning-rate decay GAMMA ** (k / DECAY_STEPS); a SwiGLU classifier (value branch
times SiLU of a gate branch, then three logits) with the softmax cross-entropy, gradients clipped
by their global norm and RMSprop (alpha 0.9) with coupled weight decay; and a
squeeze-and-excitation gating of four feature groups (group means, relu, sigmoid gate per group)
followed by a tanh projection and a highway layer (transform gate T with its bias at -1, carry
1 - T) for regression with the Huber loss and SGD with heavy-ball momentum and weight decay. The
NumPy programs write the backward through the gates by hand. fresh115/make_data.py writes the
data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh115_cases

Each case:
    id          short name (prefixed SK)
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

F = "scripts/diagnosis_sets/fresh115/"

REGIMES, CHURN, GROUPED = F + "regimes.npz", F + "churn.npz", F + "grouped.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


MOE = ("--data", REGIMES, "--batch-size", "16")
MOE_PARAMS = params("params['Wg']=gate.weight.T", "params['bg']=gate.bias", "params['W1']=W1",
                    "params['b1']=b1", "params['W2']=W2", "params['b2']=b2")
MOE_ROWS_PARAMS = params("params['Wg']=gate_w.T", "params['bg']=gate_b", "params['W1']=w_in.permute(0,2,1)",
                         "params['b1']=b_in", "params['W2']=w_out", "params['b2']=b_out")
GLU = ("--data", CHURN, "--batch-size", "20")
GLU_PARAMS = params("params['Wv']=value.weight.T", "params['bv']=value.bias", "params['Wg']=gate.weight.T",
                    "params['bg']=gate.bias", "params['Wo']=out.weight.T", "params['bo']=out.bias")
GLU_OUTIN_PARAMS = params("params['value_w']=value.weight", "params['value_b']=value.bias",
                          "params['gate_w']=gate.weight", "params['gate_b']=gate.bias",
                          "params['out_w']=out.weight", "params['out_b']=out.bias")
HW = ("--data", GROUPED, "--batch-size", "20")
HW_PARAMS = params("params['Wr']=reduce.weight.T", "params['br']=reduce.bias", "params['Ws']=expand.weight.T",
                   "params['bs']=expand.bias", "params['Wp']=proj.weight.T", "params['bp']=proj.bias",
                   "params['Wt']=transform_gate.weight.T", "params['bt']=transform_gate.bias",
                   "params['Wh']=transform.weight.T", "params['bh']=transform.bias",
                   "params['Wo']=out.weight.T", "params['bo']=out.bias")
HW_ATTR_PARAMS = params("Wr=reduce.weight.T", "br=reduce.bias", "Ws=expand.weight.T", "bs=expand.bias",
                        "Wp=proj.weight.T", "bp=proj.bias", "Wt=transform_gate.weight.T",
                        "bt=transform_gate.bias", "Wh=transform.weight.T", "bh=transform.bias",
                        "Wo=out.weight.T", "bo=out.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="SK01_moe_gate_softmax_dim0", side="port",
         args=pair("moe_numpy.py", "GatedMoE", "01_moe_gate_dim_port.py", "GatedMoE", *MOE, *MOE_PARAMS),
         mechanism="pair: the port's gate is torch.softmax(self.gate(X), dim=0), normalised over the rows of "
                   "the batch instead of over the experts (dim=1): each expert's gate column sums to 1 over "
                   "the 16 rows, so every row's gates are far too small and do not sum to 1; the prediction, "
                   "the balance penalty, the loss and every gradient differ from step 1",
         expected=("softmax", "dim=0", "dim=1", "axis", "wrong dimension", "normalised over the batch",
                   "batch dimension", "over the experts", "gate", "gating", "sum to 1", "mixture", "expert",
                   "forward", "probabilities")),
    dict(id="SK02_moe_balance_mean_axis", side="port",
         args=pair("moe_numpy.py", "GatedMoE", "02_moe_balance_axis_port.py", "GatedMoE", *MOE, *MOE_PARAMS),
         mechanism="pair: the load-balancing penalty averages the gates with gates.mean(dim=1), over the experts, "
                   "instead of mean(dim=0), over the batch: every row's mean gate is exactly 1/E, so the penalty "
                   "becomes the constant LB * n / E, the loss is off by a constant and the penalty's gradient "
                   "(2 LB E gbar / n into each gate) is missing from the gate parameters Wg and bg; the experts' "
                   "gradients are right",
         expected=("load balancing", "load-balancing", "balance", "auxiliary loss", "penalty", "mean gate",
                   "dim=1", "dim=0", "axis", "wrong axis", "constant", "no gradient", "gate", "wg", "bg")),
    dict(id="SK03_moe_decay_steps_ignored", side="port",
         args=pair("moe_numpy.py", "GatedMoE", "03_moe_decay_steps_port.py", "GatedMoE", *MOE, *MOE_PARAMS),
         mechanism="pair: the port's ExponentialLR uses gamma=GAMMA (0.5 per update) instead of "
                   "GAMMA ** (1 / DECAY_STEPS) (0.933 per update): the decay_steps of the exponential schedule "
                   "is ignored, so from update 2 on the learning rate falls ten times faster (0.5^k instead of "
                   "0.5^(k/10)); the gradients and Adam moments agree, every update from step 2 is too small "
                   "by a factor that shrinks geometrically with the step",
         expected=("exponential", "exponentiallr", "decay", "decay_steps", "gamma", "schedule", "scheduler",
                   "learning rate", "lr", "too fast", "per step", "ratio", "step 2", "geometric", "update")),
    dict(id="SK04_glu_silu_wrong_branch", side="port",
         args=pair("swiglu_numpy.py", "SwiGLUNet", "04_glu_silu_branch_port.py", "SwiGLUNet", *GLU, *GLU_PARAMS),
         mechanism="pair: the port applies the SiLU to the value branch and leaves the gate branch linear, "
                   "F.silu(self.value(X)) * self.gate(X), instead of self.value(X) * F.silu(self.gate(X)): the "
                   "gated unit, the logits, the loss and every gradient differ from step 1 (the roles of Wv/bv "
                   "and Wg/bg are swapped)",
         expected=("silu", "swiglu", "glu", "gate", "gated linear unit", "value", "branch", "swapped",
                   "wrong branch", "activation", "swish", "forward", "wv", "wg", "gating")),
    dict(id="SK05_glu_double_softmax", side="port",
         args=pair("swiglu_numpy.py", "SwiGLUNet", "05_glu_double_softmax_port.py", "SwiGLUNet", *GLU,
                   *GLU_PARAMS),
         mechanism="pair: the port's forward returns torch.softmax(logits, dim=1) and train_step passes those "
                   "probabilities to F.cross_entropy, which applies log_softmax again: the loss is the "
                   "cross-entropy of softmax(softmax(logits)), close to log 3 and nearly flat, and every "
                   "gradient is much smaller and differently shaped",
         expected=("softmax", "double softmax", "twice", "cross_entropy", "cross-entropy", "log_softmax",
                   "logits", "probabilities", "already normalised", "nllloss", "output layer", "loss",
                   "raw logits", "flat", "smaller gradients")),
    dict(id="SK06_glu_rmsprop_alpha_default", side="port",
         args=pair("swiglu_numpy.py", "SwiGLUNet", "06_glu_rmsprop_alpha_port.py", "SwiGLUNet", *GLU,
                   *GLU_PARAMS),
         mechanism="pair: the port builds torch.optim.RMSprop without alpha=ALPHA, so torch's default smoothing "
                   "alpha 0.99 replaces the NumPy program's 0.9 (Keras' rho): the square average starts ten "
                   "times smaller (0.01 g^2 instead of 0.1 g^2), the first update is sqrt(10) times larger and "
                   "the ratio changes with the step; gradients agree, the updates do not",
         expected=("rmsprop", "alpha", "rho", "0.99", "0.9", "default", "square average", "square_avg",
                   "smoothing", "second moment", "decay rate", "optimizer", "update", "denominator",
                   "moving average")),
    dict(id="SK07_hw_carry_swapped", side="port",
         args=pair("sehighway_numpy.py", "SEHighway", "07_hw_swapped_carry_port.py", "SEHighway", *HW,
                   *HW_PARAMS),
         mechanism="pair: the port's highway layer is t * x0 + (1 - t) * h instead of t * h + (1 - t) * x0: "
                   "the transform gate multiplies the carried input and the carry gate the transform, so with "
                   "the gate bias at -1 the layer mostly transforms instead of mostly carrying; the output, "
                   "the loss and every gradient differ from step 1",
         expected=("highway", "transform gate", "carry", "carry gate", "1 - t", "swapped", "gate", "transform",
                   "residual", "skip", "forward", "t * h", "inverted", "mixing", "bias")),
    dict(id="SK08_hw_output_broadcast", side="port",
         args=pair("sehighway_numpy.py", "SEHighway", "08_hw_broadcast_port.py", "SEHighway", *HW, *HW_PARAMS),
         mechanism="pair: the port's forward returns self.out(x1) of shape (n, 1) without .squeeze(-1), and "
                   "F.huber_loss broadcasts it against y of shape (n,) into an (n, n) matrix: every prediction "
                   "is compared with every target, so the loss and all gradients (the output layer's most "
                   "directly) are those of a different objective",
         expected=("broadcast", "broadcasting", "shape", "(n, 1)", "(n,)", "squeeze", "unsqueeze", "target shape",
                   "n x n", "huber", "loss", "every target", "mismatch", "dimension", "output")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="SK09_moe_softmax_jacobian_diag", side="numpy",
         args=pair("09_moe_softmax_jacobian_numpy.py", "GatedMoE", "moe_torch.py", "GatedMoE", *MOE, *MOE_PARAMS),
         mechanism="pair: the backward through the gate softmax uses only the diagonal of its Jacobian, "
                   "dlogits = dg * g * (1 - g) (the sigmoid derivative), instead of g * (dg - sum(g * dg)): the "
                   "cross terms -g_i g_j are dropped, so the gate gradients Wg and bg are wrong while the "
                   "loss and the experts' gradients are right",
         expected=("softmax", "jacobian", "diagonal", "cross terms", "off-diagonal", "sigmoid derivative",
                   "g * (1 - g)", "gate", "backward", "gradient", "wg", "bg", "derivative", "sum(g * dg)",
                   "chain rule")),
    dict(id="SK10_moe_adam_vhat_beta1", side="numpy",
         args=pair("10_moe_vhat_beta1_numpy.py", "GatedMoE", "moe_torch.py", "GatedMoE", *MOE, *MOE_PARAMS),
         mechanism="pair: Adam's second-moment bias correction divides by 1 - BETA1 ** t instead of "
                   "1 - BETA2 ** t: v_hat is about 100 times too small at step 1 (0.1 vs 0.001) and the update "
                   "about 10 times too large, the factor shrinking as t grows; gradients and both moments "
                   "agree, only the updates differ",
         expected=("adam", "bias correction", "bias-correction", "second moment", "v_hat", "beta2", "beta1",
                   "1 - beta", "exp_avg_sq", "denominator", "update", "too large", "step", "optimizer",
                   "moves with the step")),
    dict(id="SK11_moe_staircase_decay", side="numpy",
         args=pair("11_moe_staircase_numpy.py", "GatedMoE", "moe_torch.py", "GatedMoE", *MOE, *MOE_PARAMS),
         mechanism="pair: the exponential decay exponent is self.t // DECAY_STEPS (integer division, a staircase) "
                   "instead of self.t / DECAY_STEPS: the learning rate stays at LR for the first ten updates "
                   "and halves at update 11, where the port decays smoothly by 0.933 each update; gradients "
                   "agree, the updates from step 2 are too large by a ratio that grows then resets",
         expected=("staircase", "exponential", "decay", "integer division", "//", "schedule", "learning rate",
                   "lr", "decay_steps", "gamma", "step", "ratio", "smooth", "update", "floor")),
    dict(id="SK12_glu_silu_derivative", side="numpy",
         args=pair("12_glu_silu_deriv_numpy.py", "SwiGLUNet", "swiglu_torch.py", "SwiGLUNet", *GLU, *GLU_PARAMS),
         mechanism="pair: the hand-written SiLU derivative is s * (1 - s), the sigmoid's, instead of "
                   "s + b s (1 - s) = s (1 + b (1 - s)): the gate branch's gradients Wg and bg are wrong "
                   "(the s term of the product rule is lost); the loss, Wv, bv, Wo and bo are right "
                   "(before clipping rescales them all)",
         expected=("silu", "swish", "derivative", "sigmoid derivative", "product rule", "s * (1 - s)", "gate",
                   "swiglu", "backward", "activation", "wg", "bg", "gradient", "z * sigmoid")),
    dict(id="SK13_glu_loss_mean_over_classes", side="numpy",
         args=pair("13_glu_loss_classes_numpy.py", "SwiGLUNet", "swiglu_torch.py", "SwiGLUNet", *GLU,
                   *GLU_PARAMS),
         mechanism="pair: the reported cross-entropy is -np.mean(onehot * logp), averaged over all n * C entries "
                   "of the one-hot matrix instead of summed over the classes and divided by n: the loss value "
                   "is three times too small, while the gradients and updates (written from the correct loss) "
                   "are right",
         expected=("cross-entropy", "loss value", "mean", "one-hot", "number of classes", "n * c", "classes",
                   "factor", "3", "reported loss", "loss only", "divide", "normaliz", "np.mean", "inconsistent")),
    dict(id="SK14_glu_clip_per_tensor", side="numpy",
         args=pair("14_glu_clip_per_param_numpy.py", "SwiGLUNet", "swiglu_torch.py", "SwiGLUNet", *GLU,
                   *GLU_PARAMS),
         mechanism="pair: when the global gradient norm exceeds MAX_NORM, each gradient is clipped by its own "
                   "norm, min(1, MAX_NORM / |g_k|), instead of all scaled by MAX_NORM / global norm as "
                   "clip_grad_norm_ does: every tensor's norm is below 0.5, so on the steps where the port "
                   "clips nothing is scaled here; gradients and updates are too large by one common factor on "
                   "those steps only",
         expected=("clip", "clipping", "clip_grad_norm_", "global norm", "per-tensor", "per parameter",
                   "max_norm", "norm", "scale", "one factor", "all parameters", "gradient", "total norm",
                   "some steps", "rescale")),
    dict(id="SK15_hw_gate_grad_no_carry", side="numpy",
         args=pair("15_hw_gate_grad_numpy.py", "SEHighway", "sehighway_torch.py", "SEHighway", *HW, *HW_PARAMS),
         mechanism="pair: the gradient into the highway's transform gate is dx1 * Hh instead of "
                   "dx1 * (Hh - x0): the carry path's -x0 (the derivative of (1 - T) * x0 with respect to T) "
                   "is dropped, so Wt and bt and everything below the layer (through dx0) get wrong "
                   "gradients; the loss and Wh, bh, Wo, bo are right",
         expected=("highway", "transform gate", "carry", "1 - t", "hh - x0", "missing term", "gate gradient",
                   "backward", "derivative", "wt", "bt", "chain rule", "gradient", "product rule", "x0")),
    dict(id="SK16_se_squeeze_wrong_axis", side="numpy",
         args=pair("16_se_squeeze_axis_numpy.py", "SEHighway", "sehighway_torch.py", "SEHighway", *HW, *HW_PARAMS),
         mechanism="pair: the squeeze averages the (n, 4, 4) grouped input over axis=1 (across the groups, one "
                   "mean per position within a group) instead of axis=2 (within each group): the shape is the "
                   "same (4 groups of 4), so it runs, but the excitation gates are computed from the wrong "
                   "means; the forward, the loss and every gradient differ from step 1",
         expected=("squeeze", "excitation", "axis", "axis=1", "axis=2", "mean", "wrong axis", "group", "reshape",
                   "se", "gate", "forward", "shape", "channel", "pooling")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="SK17_moe_rows_bmm_port", side="correct",
         args=pair("moe_numpy.py", "GatedMoE", "moe_expert_rows_torch.py", "GatedMoERows", *MOE,
                   *MOE_ROWS_PARAMS),
         mechanism="pair: mixture-of-experts port with the experts' first-layer weights stacked in nn.Linear's "
                   "(E, H, D) layout (paired through permute(0,2,1)) and applied by torch.bmm, a raw (E, D) gate "
                   "weight, log_softmax().exp() gates, the balance penalty as torch.dot, grads set to None by "
                   "hand and the exponential decay as a closed-form LambdaLR", expected=()),
    dict(id="SK18_glu_outin_numpy", side="correct",
         args=pair("swiglu_outin_numpy.py", "SwiGLUOutIn", "swiglu_torch.py", "SwiGLUNet", *GLU, *GLU_OUTIN_PARAMS),
         mechanism="pair: SwiGLU classifier in NumPy with torch's (out, in) weight layout and names, the sigmoid "
                   "through tanh, the cross-entropy from np.logaddexp.reduce and take_along_axis, the gradient "
                   "of the labels by put_along_axis, the global clipping norm from one flat concatenation and "
                   "the RMSprop state in an ordered list updated in place", expected=()),
    dict(id="SK19_se_highway_block_matrix_numpy", side="correct",
         args=pair("sehighway_matrix_numpy.py", "SEHighwayMatrix", "sehighway_torch.py", "SEHighway", *HW,
                   *HW_ATTR_PARAMS),
         mechanism="pair: SE-gated highway in NumPy with attribute parameters, the group squeeze and the gate "
                   "expansion as products with a block averaging matrix, the highway as x0 + T (Hh - x0), the "
                   "Huber derivative by np.clip and a momentum buffer with the learning rate folded in "
                   "(moves = mu moves + lr g, p -= moves)", expected=()),
]
