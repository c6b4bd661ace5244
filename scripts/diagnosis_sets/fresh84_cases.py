"""Eighty-fourth fresh held-out set for the diagnosis: one planted bug per program in fresh84/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is gated units and mixtures of experts written by hand. A tabular classifier whose
features pass a squeeze-and-excitation gate (a ReLU bottleneck and a sigmoid excitation multiplying
the inputs) into a SwiGLU feed-forward block (a linear value branch times a SiLU gate branch) and a
linear head, softmax cross-entropy over integer labels, the gradients clipped to a global norm and
AdamW (decoupled weight decay) with a linear warmup; a highway-network regressor (a tanh projection,
two highway layers with a ReLU transform, a sigmoid transform gate T started at bias -1 and the
carry gate 1 - T, a linear unit), mean squared error and momentum SGD with an L2 weight decay and a
StepLR halving; and a dense softmax-gated mixture of three tanh expert MLPs (stacked (E, ...)
weights) classifying one-hot targets, cross-entropy plus 0.1 times the squared coefficient of
variation of the gate mass per expert (a load-balancing term), trained with RMSprop.
fresh84/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh84_cases

Each case:
    id          short name (prefixed RF)
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
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment; in
RF03 and RF06 the line moved back to its place) to pass (exit 0) under the same arguments; each
correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh84/"

TABULAR, RESPONSE, REGIMES = F + "tabular.npz", F + "response.npz", F + "regimes.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


SW = ("--data", TABULAR, "--batch-size", "16")
SW_PARAMS = params("params['Wse1']=se1.weight.T", "params['bse1']=se1.bias", "params['Wse2']=se2.weight.T",
                   "params['bse2']=se2.bias", "params['Wv']=value.weight.T", "params['bv']=value.bias",
                   "params['Wg']=gate.weight.T", "params['bg']=gate.bias", "params['Wo']=out.weight.T",
                   "params['bo']=out.bias")
SW_LAYER_PARAMS = params("se1.W=se1.weight.T", "se1.b=se1.bias", "se2.W=se2.weight.T", "se2.b=se2.bias",
                         "value.W=value.weight.T", "value.b=value.bias", "gate.W=gate.weight.T",
                         "gate.b=gate.bias", "head.W=out.weight.T", "head.b=out.bias")
HW = ("--data", RESPONSE, "--batch-size", "10")
HW_PARAMS = params("params['Wp']=proj.weight.T", "params['bp']=proj.bias",
                   "params['Wh1']=layers.0.transform.weight.T", "params['bh1']=layers.0.transform.bias",
                   "params['Wt1']=layers.0.gate.weight.T", "params['bt1']=layers.0.gate.bias",
                   "params['Wh2']=layers.1.transform.weight.T", "params['bh2']=layers.1.transform.bias",
                   "params['Wt2']=layers.1.gate.weight.T", "params['bt2']=layers.1.gate.bias",
                   "params['Wo']=out.weight.T", "params['bo']=out.bias")
HW_FUNC_PARAMS = params(*(f"params['{k}']=p.{k}" for k in
                          ("Wp", "bp", "Wh1", "bh1", "Wt1", "bt1", "Wh2", "bh2", "Wt2", "bt2", "Wo", "bo")))
MOE = ("--data", REGIMES, "--batch-size", "12", "--state", "square_avg=net.sq")
MOE_PARAMS = params("params['W1']=W1", "params['b1']=b1", "params['W2']=W2", "params['b2']=b2",
                    "params['Wg']=gate.weight.T", "params['bg']=gate.bias")
MOE_EXPERT_PARAMS = params(*(p for e in range(3) for p in (
    f"params['W1'][{e}]=experts.{e}.0.weight.T", f"params['b1'][{e}]=experts.{e}.0.bias",
    f"params['W2'][{e}]=experts.{e}.2.weight.T", f"params['b2'][{e}]=experts.{e}.2.bias")),
    "params['Wg']=router.weight.T", "params['bg']=router.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RF01_swiglu_silu_on_value", side="port",
         args=pair("swiglu_numpy.py", "SESwiGLU", "01_swiglu_silu_on_value_port.py", "SESwiGLU", *SW,
                   *SW_PARAMS),
         mechanism="pair: the port's SwiGLU block applies the SiLU to the wrong branch, "
                   "u = F.silu(value(xs)) * gate(xs) instead of value(xs) * F.silu(gate(xs)): the value "
                   "branch is activated and the gate branch left linear (the roles of the two branches "
                   "swapped), so the block output, the logits, the loss and every gradient differ from step 1",
         expected=("silu", "swish", "swiglu", "glu", "gate", "gating", "value", "branch", "swapped",
                   "wrong branch", "activation", "forward", "f.silu", "gate branch", "linear")),
    dict(id="RF02_swiglu_adam_l2", side="port",
         args=pair("swiglu_numpy.py", "SESwiGLU", "02_swiglu_adam_l2_port.py", "SESwiGLU", *SW, *SW_PARAMS),
         mechanism="pair: the port builds torch.optim.Adam(weight_decay=WD) instead of AdamW: the decay "
                   "becomes an L2 term WD * p added to the gradient before the moments (and divided by "
                   "sqrt(v)) instead of the decoupled p *= 1 - lr * WD; the gradients agree, the Adam moments "
                   "and every update differ from step 1",
         expected=("adamw", "adam", "weight decay", "weight_decay", "decoupled", "coupled", "l2",
                   "l2 penalty", "in the gradient", "moments", "exp_avg", "optimizer", "update",
                   "proportional to the parameter", "decay")),
    dict(id="RF03_swiglu_clip_after_step", side="port",
         args=pair("swiglu_numpy.py", "SESwiGLU", "03_swiglu_clip_after_step_port.py", "SESwiGLU", *SW,
                   *SW_PARAMS),
         mechanism="pair: clip_grad_norm_ is called after optimizer.step(): the step uses the unclipped "
                   "gradients (global norm about 0.3 to 0.56 against MAX_NORM 0.35, clipped on most steps) and "
                   "the .grad left afterwards is clipped, so the gradients look right but the Adam moments and "
                   "the updates come from gradients up to 1.6 times larger; Adam's step 1 is nearly scale free, "
                   "the moments part at step 1 and the updates from step 2",
         expected=("clip", "clipping", "clip_grad_norm_", "gradient clipping", "max_norm", "norm",
                   "after optimizer.step", "order", "before the step", "unclipped", "global norm", "scale",
                   "exp_avg", "update", "optimizer")),
    dict(id="RF04_highway_gates_swapped", side="port",
         args=pair("highway_numpy.py", "HighwayRegressor", "04_highway_gates_swapped_port.py",
                   "HighwayRegressor", *HW, *HW_PARAMS),
         mechanism="pair: each highway layer mixes with the gates swapped, h * (1 - t) + x * t instead of "
                   "h * t + x * (1 - t): the transform gate T (about 0.27 at the -1 bias) carries the input "
                   "and the carry gate 1 - T weights the transform, so the layers mostly transform instead of "
                   "carrying; the prediction, loss and every gradient differ from step 1",
         expected=("highway", "transform gate", "carry gate", "1 - t", "gate", "swapped", "carry",
                   "transform", "sigmoid", "forward", "mix", "interpolation", "gates reversed", "t * h",
                   "layer")),
    dict(id="RF05_highway_squeeze_broadcast", side="port",
         args=pair("highway_numpy.py", "HighwayRegressor", "05_highway_squeeze_broadcast_port.py",
                   "HighwayRegressor", *HW, *HW_PARAMS),
         mechanism="pair: the port's forward returns self.out(x).squeeze(-1), shape (n,), while the targets "
                   "are (n, 1): F.mse_loss broadcasts them to an (n, n) table of every prediction against "
                   "every target, so each prediction is pulled toward the batch mean of y; the loss and every "
                   "gradient differ (torch only warns)",
         expected=("broadcast", "broadcasting", "shape", "squeeze", "(n, 1)", "(n,)", "n x n", "mse_loss",
                   "target shape", "mismatch", "mean of the targets", "unsqueeze", "loss", "dimension",
                   "warning")),
    dict(id="RF06_highway_scheduler_first", side="port",
         args=pair("highway_numpy.py", "HighwayRegressor", "06_highway_scheduler_first_port.py",
                   "HighwayRegressor", *HW, *HW_PARAMS),
         mechanism="pair: scheduler.step() is called before optimizer.step(): the StepLR halving (every 8 "
                   "updates) arrives one update early, so updates 8 and 16 use half the rate of the NumPy "
                   "program (LR/2 instead of LR, LR/4 instead of LR/2); the gradients and momentum buffers "
                   "agree, the other updates agree",
         expected=("scheduler", "steplr", "learning rate", "schedule", "order", "before optimizer.step",
                   "off by one", "off-by-one", "one step early", "step decay", "halved", "gamma",
                   "step 8", "lr", "update")),
    dict(id="RF07_moe_unbiased_var", side="port",
         args=pair("moe_numpy.py", "DenseMoE", "07_moe_unbiased_var_port.py", "DenseMoE", *MOE, *MOE_PARAMS),
         mechanism="pair: the load-balancing term uses importance.var(), torch's unbiased (n - 1) variance "
                   "over the 3 experts, where the NumPy program uses the population variance np.var: the "
                   "squared coefficient of variation and its gradient are 1.5 times larger, so the loss and the "
                   "gate (router) gradients differ while the experts' gradients agree",
         expected=("variance", "unbiased", "bessel", "n - 1", "ddof", "population", "unbiased=false",
                   "correction", "coefficient of variation", "cv", "load balancing", "auxiliary", "aux loss",
                   "gate", "1.5")),
    dict(id="RF08_moe_gate_softmax_dim", side="port",
         args=pair("moe_numpy.py", "DenseMoE", "08_moe_gate_softmax_dim_port.py", "DenseMoE", *MOE,
                   *MOE_PARAMS),
         mechanism="pair: the gate's softmax is taken over dim=0, the rows of the batch, instead of dim=1, the "
                   "experts: each expert's gate column sums to 1 over the batch instead of each row over the "
                   "experts, so each row's gates sum to about n / E and the mixture is that much too small, the gate mass per expert is 1 (the "
                   "load-balancing term vanishes) and the loss and every gradient differ",
         expected=("softmax", "dim", "dim=0", "dim=1", "axis", "wrong axis", "gate", "gating", "experts",
                   "batch", "normaliz", "sum to one", "router", "mixture", "forward")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RF09_swiglu_silu_grad", side="numpy",
         args=pair("09_swiglu_silu_grad_numpy.py", "SESwiGLU", "swiglu_torch.py", "SESwiGLU", *SW, *SW_PARAMS),
         mechanism="pair: the hand-written SiLU derivative is sigmoid(z) alone, dropping the "
                   "z * sigmoid(z) * (1 - sigmoid(z)) term of d/dz [z sigmoid(z)]: the gate branch's gradients "
                   "(Wg, bg) and, through the input of the block, the SE gate's are wrong; Wv, bv, Wo, bo and "
                   "the loss are right",
         expected=("silu", "swish", "derivative", "sigmoid", "product rule", "z * sigmoid", "missing term",
                   "gate", "backward", "gradient", "activation", "swiglu", "wg", "chain rule")),
    dict(id="RF10_swiglu_decay_base_lr", side="numpy",
         args=pair("10_swiglu_decay_base_lr_numpy.py", "SESwiGLU", "swiglu_torch.py", "SESwiGLU", *SW,
                   *SW_PARAMS),
         mechanism="pair: the decoupled weight decay uses the base rate, p *= 1 - LR * WD, instead of the "
                   "warmed-up rate lr: during the warmup (updates 1 to 4) the parameters shrink by LR * WD "
                   "instead of lr_t * WD, an update difference proportional to the parameter that disappears "
                   "once the warmup ends",
         expected=("weight decay", "decoupled", "adamw", "warmup", "learning rate", "schedule", "base lr",
                   "scheduled", "proportional to the parameter", "decay", "lr * wd", "update",
                   "first steps", "optimizer")),
    dict(id="RF11_highway_gate_grad", side="numpy",
         args=pair("11_highway_gate_grad_numpy.py", "HighwayRegressor", "highway_torch.py", "HighwayRegressor",
                   *HW, *HW_PARAMS),
         mechanism="pair: the transform gate's gradient is dt = dx * h instead of dx * (h - x): the carry "
                   "path's -x term (from x * (1 - T)) is dropped, so the gate weights and biases (Wt, bt) of "
                   "both layers and, through the input gradient, the lower layers get wrong gradients; the "
                   "loss and the output layer are right",
         expected=("highway", "transform gate", "carry", "1 - t", "h - x", "gate gradient", "missing term",
                   "backward", "gradient", "product rule", "chain rule", "wt", "bt", "carry path")),
    dict(id="RF12_highway_carry_x0", side="numpy",
         args=pair("12_highway_carry_x0_numpy.py", "HighwayRegressor", "highway_torch.py", "HighwayRegressor",
                   *HW, *HW_PARAMS),
         mechanism="pair: in the layer loop the carry reads x0, the projection output, instead of the layer's "
                   "own input x: the first layer is unchanged (x = x0 there), the second carries the first "
                   "layer's input instead of its output, so the prediction and loss differ, and the backward, "
                   "written for the correct forward, gives gradients of neither",
         expected=("highway", "carry", "carry gate", "input", "x0", "wrong input", "layer input", "skip",
                   "residual", "forward", "second layer", "stale", "wrong variable", "1 - t")),
    dict(id="RF13_highway_decay_dropped", side="numpy",
         args=pair("13_highway_decay_dropped_numpy.py", "HighwayRegressor", "highway_torch.py",
                   "HighwayRegressor", *HW, *HW_PARAMS),
         mechanism="pair: the decayed gradient d = g + WD * p is computed but the velocity accumulates the raw "
                   "g: the L2 weight decay never reaches the momentum buffer or the update; the gradients "
                   "agree, the velocity and each update differ by WD * p (accumulated through the momentum)",
         expected=("weight decay", "weight_decay", "l2", "missing", "momentum", "velocity", "momentum buffer",
                   "sgd", "proportional to the parameter", "decay", "update", "unused", "wrong variable",
                   "optimizer")),
    dict(id="RF14_moe_expert_grad_ungated", side="numpy",
         args=pair("14_moe_expert_grad_ungated_numpy.py", "DenseMoE", "moe_torch.py", "DenseMoE", *MOE,
                   *MOE_PARAMS),
         mechanism="pair: the experts' output gradient is the logits gradient itself, np.stack([dlogits] * E), "
                   "instead of scaled by each row's gate weight G[:, e]: every expert is trained as if it alone "
                   "made the prediction, its W1, b1, W2, b2 gradients about E times too large (a different factor "
                   "per row); the gate's gradients and the loss are right",
         expected=("expert", "experts", "gate", "gate weight", "gating", "missing factor", "mixture",
                   "backward", "gradient", "scaled", "chain rule", "weighted sum", "moe", "w2")),
    dict(id="RF15_moe_ce_grad_size", side="numpy",
         args=pair("15_moe_ce_grad_size_numpy.py", "DenseMoE", "moe_torch.py", "DenseMoE", *MOE, *MOE_PARAMS),
         mechanism="pair: the cross-entropy gradient is divided by y.size, rows times the 4 classes of the "
                   "one-hot targets, instead of the number of rows: the data term of every gradient is 4 times "
                   "too small while the load-balancing term's gradient (on the gate) and the loss are right",
         expected=("y.size", "size", "number of rows", "batch size", "one-hot", "classes", "denominator",
                   "normaliz", "mean", "scaled", "factor", "cross-entropy", "gradient", "backward", "4")),
    dict(id="RF16_moe_aux_grad_unweighted", side="numpy",
         args=pair("16_moe_aux_grad_unweighted_numpy.py", "DenseMoE", "moe_torch.py", "DenseMoE", *MOE,
                   *MOE_PARAMS),
         mechanism="pair: the gradient of the load-balancing term is added without its weight ALPHA = 0.1: the "
                   "loss counts 0.1 * cv2 but the backward pushes the full cv2 gradient, ten times too strong, "
                   "into the gate; only the gate's Wg and bg gradients are wrong, the experts' and the loss right",
         expected=("auxiliary", "aux", "load balancing", "alpha", "weight", "coefficient", "missing factor",
                   "cv", "coefficient of variation", "gate", "router", "backward", "gradient", "10", "scaled")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RF17_swiglu_layer_objects_numpy", side="correct",
         args=pair("swiglu_layers_numpy.py", "SESwiGLULayers", "swiglu_torch.py", "SESwiGLU", *SW,
                   *SW_LAYER_PARAMS),
         mechanism="pair: the SE-gated SwiGLU classifier in NumPy as Dense objects per layer (parameters "
                   "paired as se1.W, head.b, ...), no grads dict, np.einsum, sigmoid as 0.5 (1 + tanh(z/2)), "
                   "np.where ReLU, log-sum-exp cross-entropy on a one-hot matrix, np.linalg.norm clip and AdamW "
                   "in torch's bookkeeping (lr / bias correction step size, sqrt(v) / sqrt(bc2) + eps, decay "
                   "subtracted); against the nn.Linear port", expected=()),
    dict(id="RF18_highway_functional_port", side="correct",
         args=pair("highway_numpy.py", "HighwayRegressor", "highway_functional_torch.py", "HighwayFunctional",
                   *HW, *HW_FUNC_PARAMS),
         mechanism="pair: highway port with raw (in, out) nn.Parameters in an nn.ParameterDict, torch.lerp(x, h, "
                   "t) for the gated mix, clamp_min for the ReLU, the squared error averaged by hand, SGD over "
                   "two parameter groups and the step decay as a LambdaLR", expected=()),
    dict(id="RF19_moe_expert_modules_port", side="correct",
         args=pair("moe_numpy.py", "DenseMoE", "moe_experts_torch.py", "ExpertsMoE", *MOE, *MOE_EXPERT_PARAMS),
         mechanism="pair: mixture-of-experts port with an nn.ModuleList of nn.Sequential experts paired one "
                   "slice at a time with the NumPy program's stacked (E, ...) arrays (params['W1'][0] = "
                   "experts.0.0.weight.T), torch.stack of the experts' logits, cross-entropy as "
                   "-(y * log_softmax).sum(1).mean() and the squared coefficient of variation written out",
         expected=()),
]
