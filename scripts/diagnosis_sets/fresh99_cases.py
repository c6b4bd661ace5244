"""Ninety-ninth fresh held-out set for the diagnosis: one planted bug per program in fresh99/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is mixture-of-experts layers written by hand: a softmax gate over a few small expert
MLPs, with no noise in the gate so that runs are deterministic. A dense mixture for regression
(a gate with a temperature, three tanh experts all weighted by their gate probabilities, the mean
squared error plus the squared coefficient of variation of the gate mass as a load-balancing
loss, gradients clipped by their global norm, Adam with an L2 term); a top-2 routed classifier
(four ReLU experts, the two chosen gate probabilities renormalised to sum to one, softmax
cross-entropy plus the Switch load-balancing loss E * sum f_e P_e, SGD with heavy-ball momentum,
weight decay and a step schedule); and a Switch-style top-1 regression (four leaky-ReLU experts,
the chosen expert's output scaled by its gate probability, the Huber loss plus the Switch
load-balancing loss, RMSprop with an exponential decay). The NumPy programs write the backward
through the weighted sum, the routing and the gate's softmax by hand. fresh99/make_data.py
writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh99_cases

Each case:
    id          short name (prefixed RU)
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

F = "scripts/diagnosis_sets/fresh99/"

REGIMES, BLOBS, PIECES = F + "regimes.npz", F + "blobs.npz", F + "pieces.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


def expert_list(*names: str) -> list[str]:
    """Stacked NumPy expert arrays against an nn.ModuleList of nn.Sequential(Linear, act, Linear)."""
    w1, b1, w2, b2 = names
    return params(*[p for e in range(4) for p in (
        f"params['{w1}'][{e}]=experts.{e}.0.weight.T", f"params['{b1}'][{e}]=experts.{e}.0.bias",
        f"params['{w2}'][{e}]=experts.{e}.2.weight.T", f"params['{b2}'][{e}]=experts.{e}.2.bias")])


DENSE = ("--data", REGIMES, "--batch-size", "16")
DENSE_PARAMS = params("params['Wg']=gate.weight.T", "params['bg']=gate.bias", "params['W1']=W1",
                      "params['b1']=b1", "params['W2']=W2", "params['b2']=b2")
DENSE_FLAT_PARAMS = params("params['gate_w']=gate.weight.T", "params['gate_b']=gate.bias",
                           "params['exp_w1']=W1", "params['exp_b1']=b1", "params['exp_w2']=W2",
                           "params['exp_b2']=b2")
TOP2 = ("--data", BLOBS, "--batch-size", "20")
TOP2_PARAMS = params("params['Wg']=gate.weight.T", "params['bg']=gate.bias", "params['W1']=W1",
                     "params['b1']=b1", "params['W2']=W2", "params['b2']=b2")
TOP2_LIST_PARAMS = params("params['Wg']=router.weight.T", "params['bg']=router.bias") + \
    expert_list("W1", "b1", "W2", "b2")
SWITCH = ("--data", PIECES, "--batch-size", "20")
SWITCH_PARAMS = params("params['Wg']=gate.weight.T", "params['bg']=gate.bias") + \
    expert_list("W1", "b1", "W2", "b2")
SWITCH_RAW_PARAMS = params("params['Wg']=Wg", "params['bg']=bg", "params['W1']=W1", "params['b1']=b1",
                           "params['W2']=W2", "params['b2']=b2")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RU01_dense_var_unbiased", side="port",
         args=pair("dense_moe_numpy.py", "DenseMoE", "01_dense_var_unbiased_port.py", "DenseMoE", *DENSE,
                   *DENSE_PARAMS),
         mechanism="pair: the port's load-balancing loss uses importance.var(), torch's unbiased (Bessel-"
                   "corrected, divide by E - 1) variance, where the NumPy program uses np.var, the population "
                   "variance: the squared coefficient of variation of the gate mass, and so the auxiliary term "
                   "and its gradient into the gate, are E / (E - 1) = 1.5 times too large; the experts' "
                   "gradients are right",
         expected=("var", "variance", "unbiased", "unbiased=false", "bessel", "correction", "ddof",
                   "n - 1", "population", "coefficient of variation", "cv", "load balancing",
                   "auxiliary loss", "aux", "gate", "1.5")),
    dict(id="RU02_dense_clip_after_step", side="port",
         args=pair("dense_moe_numpy.py", "DenseMoE", "02_dense_clip_after_step_port.py", "DenseMoE", *DENSE,
                   *DENSE_PARAMS),
         mechanism="pair: the port calls clip_grad_norm_ after optimizer.step() instead of before it: Adam "
                   "consumes the unclipped gradients (global norm above MAX_NORM on most of the first steps), so the "
                   "moments and updates are built from gradients larger by the clipping factor; the .grad "
                   "left afterwards is clipped, the update is not",
         expected=("clip", "clipping", "clip_grad_norm_", "max_norm", "gradient norm", "global norm",
                   "order", "after optimizer.step", "before the step", "unclipped", "adam", "update",
                   "scaled", "exploding", "too late")),
    dict(id="RU03_dense_gate_softmax_dim0", side="port",
         args=pair("dense_moe_numpy.py", "DenseMoE", "03_dense_gate_dim0_port.py", "DenseMoE", *DENSE,
                   *DENSE_PARAMS),
         mechanism="pair: the port's gate is F.softmax(logits / TAU, dim=0), normalised over the rows of the "
                   "batch instead of over the experts (dim=-1): each expert's column sums to one across the "
                   "batch, a row's gate weights no longer sum to one, so the mixed prediction, the loss, the "
                   "load-balancing term and every gradient differ from the first step",
         expected=("softmax", "dim", "dim=0", "dim=-1", "axis", "wrong axis", "batch", "rows", "experts",
                   "normaliz", "sum to one", "gate", "gating", "forward", "probabilities")),
    dict(id="RU04_top2_no_renorm", side="port",
         args=pair("top2_moe_numpy.py", "Top2MoE", "04_top2_no_renorm_port.py", "Top2MoE", *TOP2,
                   *TOP2_PARAMS),
         mechanism="pair: the port scatters the raw top-2 gate probabilities top_p into the routing weights "
                   "instead of top_p / top_p.sum(): the two chosen experts' weights are not renormalised to sum "
                   "to one (they sum to p_a + p_b < 1), so the mixed logits are shrunk row by row and the loss "
                   "and every gradient differ",
         expected=("renormaliz", "renormalis", "normaliz", "top-2", "top2", "topk", "top_p", "sum to one",
                   "routing weights", "gate", "chosen experts", "divide", "denominator", "mixture",
                   "forward")),
    dict(id="RU05_top2_double_softmax", side="port",
         args=pair("top2_moe_numpy.py", "Top2MoE", "05_top2_double_softmax_port.py", "Top2MoE", *TOP2,
                   *TOP2_PARAMS),
         mechanism="pair: the port's forward returns F.softmax of the mixed logits and train_step hands those "
                   "probabilities to F.cross_entropy, which applies log_softmax again: the loss is the cross-"
                   "entropy of softmax(softmax(z)), flatter and near log(3), and every gradient is much smaller "
                   "and wrong",
         expected=("softmax", "double softmax", "twice", "cross_entropy", "cross-entropy", "logits",
                   "probabilities", "log_softmax", "already normalized", "applied twice", "nn.crossentropyloss",
                   "output", "loss", "forward")),
    dict(id="RU06_top2_sched_before_step", side="port",
         args=pair("top2_moe_numpy.py", "Top2MoE", "06_top2_sched_before_step_port.py", "Top2MoE", *TOP2,
                   *TOP2_PARAMS),
         mechanism="pair: the port calls scheduler.step() before optimizer.step(): the StepLR halving lands "
                   "one update early (the 8th and 16th updates use the halved rate instead of the 9th and 17th), "
                   "so the updates from step 8 are half the NumPy program's for one step each time while the "
                   "gradients agree",
         expected=("scheduler", "steplr", "schedule", "learning rate", "order", "before optimizer.step",
                   "off by one", "off-by-one", "one step early", "step size", "gamma", "decay", "halved",
                   "lr", "step 8")),
    dict(id="RU07_switch_rmsprop_alpha", side="port",
         args=pair("switch_moe_numpy.py", "SwitchMoE", "07_switch_rmsprop_alpha_port.py", "SwitchMoE", *SWITCH,
                   *SWITCH_PARAMS),
         mechanism="pair: the port builds torch.optim.RMSprop without alpha=ALPHA, so the squared-gradient "
                   "average decays with torch's default 0.99 instead of 0.9: square_avg starts ten times smaller "
                   "(0.01 g^2 instead of 0.1 g^2), the first updates are about sqrt(10) times larger and the "
                   "ratio changes every step; the gradients agree at step 1",
         expected=("rmsprop", "alpha", "0.99", "0.9", "default", "smoothing", "decay", "square_avg",
                   "squared gradient", "moving average", "running average", "optimizer", "update",
                   "hyperparameter", "sqrt")),
    dict(id="RU08_switch_smooth_l1", side="port",
         args=pair("switch_moe_numpy.py", "SwitchMoE", "08_switch_smooth_l1_port.py", "SwitchMoE", *SWITCH,
                   *SWITCH_PARAMS),
         mechanism="pair: the port uses F.smooth_l1_loss(beta=DELTA) for the Huber loss: smooth L1 is the Huber "
                   "loss divided by beta, so with DELTA = 0.5 the regression term and its gradients are twice the "
                   "NumPy program's (the load-balancing term is not scaled)",
         expected=("huber", "smooth_l1", "smooth l1", "huber_loss", "beta", "delta", "divided by beta",
                   "factor 2", "factor of 2", "twice", "scaled", "loss", "regression loss", "robust",
                   "reduction")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RU09_dense_softmax_diag", side="numpy",
         args=pair("09_dense_softmax_diag_numpy.py", "DenseMoE", "dense_moe_torch.py", "DenseMoE", *DENSE,
                   *DENSE_PARAMS),
         mechanism="pair: the backward through the gate's softmax keeps only the diagonal of its Jacobian, "
                   "dz = p (1 - p) dgate / TAU instead of p (dgate - sum_j p_j dgate_j) / TAU: the cross terms "
                   "-p_i p_j are dropped, so the gate's gradients (Wg, bg) are wrong while the loss and the "
                   "experts' gradients are right",
         expected=("softmax", "jacobian", "diagonal", "p (1 - p)", "p * (1 - p)", "cross terms",
                   "off-diagonal", "sigmoid derivative", "gate", "backward", "gradient", "wg", "bg",
                   "gating", "chain rule")),
    dict(id="RU10_dense_temperature_backward", side="numpy",
         args=pair("10_dense_temp_backward_numpy.py", "DenseMoE", "dense_moe_torch.py", "DenseMoE", *DENSE,
                   *DENSE_PARAMS),
         mechanism="pair: the backward through the gate leaves out the 1 / TAU of the temperature: the forward "
                   "divides the gate logits by TAU = 0.5 but the gradient reaching Wg and bg is not divided, "
                   "so the gate's gradients are half the true ones (before clipping) while the experts' are right",
         expected=("temperature", "tau", "1 / tau", "1/tau", "divide", "gate", "logits", "backward", "factor",
                   "half", "0.5", "scaled", "gradient", "chain rule", "wg")),
    dict(id="RU11_dense_clip_per_tensor", side="numpy",
         args=pair("11_dense_clip_per_tensor_numpy.py", "DenseMoE", "dense_moe_torch.py", "DenseMoE", *DENSE,
                   *DENSE_PARAMS),
         mechanism="pair: the NumPy program clips each gradient by its own norm (a coefficient per tensor) "
                   "instead of one coefficient from the global norm of all the gradients, as clip_grad_norm_ "
                   "does: at step 1 every tensor's norm is below MAX_NORM while the global norm (about 0.66) exceeds "
                   "it, so nothing is clipped and the gradients are larger than torch's by the global clipping "
                   "factor; later only the largest tensors are clipped, each to its own norm",
         expected=("clip", "clipping", "global norm", "per-tensor", "per tensor", "per parameter",
                   "clip_grad_norm_", "max_norm", "total norm", "norm", "gradient", "scaled", "factor",
                   "coefficient")),
    dict(id="RU12_top2_renorm_quotient", side="numpy",
         args=pair("12_top2_renorm_quotient_numpy.py", "Top2MoE", "top2_moe_torch.py", "Top2MoE", *TOP2,
                   *TOP2_PARAMS),
         mechanism="pair: the backward through the top-2 renormalisation w = p / (p_a + p_b) treats the "
                   "denominator as a constant, dp = mask * dw / S instead of mask * (dw - sum_j w_j dw_j) / S: "
                   "the quotient-rule term through the shared sum is dropped, so the gate's gradients (Wg, bg) "
                   "are wrong while the loss and the experts' gradients are right",
         expected=("renormaliz", "renormalis", "quotient rule", "denominator", "normaliz", "top-2", "top2",
                   "routing", "gate", "backward", "gradient", "constant", "missing term", "sum", "wg")),
    dict(id="RU13_top2_decay_outside_momentum", side="numpy",
         args=pair("13_top2_decay_outside_momentum_numpy.py", "Top2MoE", "top2_moe_torch.py", "Top2MoE", *TOP2,
                   *TOP2_PARAMS),
         mechanism="pair: the weight decay is added to the update after the momentum, p -= lr * (v + WD * p) "
                   "with v = MOMENTUM * v + g, instead of entering the gradient before the momentum buffer "
                   "(v = MOMENTUM * v + g + WD * p) as torch.optim.SGD(weight_decay) does: the decay is not "
                   "accumulated by the momentum, the buffers differ from step 1 and the updates from step 2 by "
                   "a term proportional to the past weights",
         expected=("weight decay", "weight_decay", "momentum", "momentum buffer", "velocity", "sgd",
                   "decoupled", "coupled", "l2", "proportional to the parameter", "buffer", "update",
                   "accumulated", "optimizer")),
    dict(id="RU14_top2_reshape_gate", side="numpy",
         args=pair("14_top2_reshape_gate_numpy.py", "Top2MoE", "top2_moe_torch.py", "Top2MoE", *TOP2,
                   *TOP2_PARAMS),
         mechanism="pair: the forward mixes the experts with w.reshape(E, -1, 1) instead of w.T[:, :, None]: "
                   "reshape keeps the row-major order, so the (n, E) routing weights are scrambled across rows "
                   "and experts (row n's weights land on other rows' outputs); the logits, the loss and every "
                   "gradient differ, and the hand-written backward (which uses w.T) no longer matches the forward",
         expected=("reshape", "transpose", ".t", "w.t", "layout", "order", "scrambled", "shape", "axes",
                   "routing weights", "gate", "rows", "experts", "forward", "mixing")),
    dict(id="RU15_switch_huber_unclipped", side="numpy",
         args=pair("15_switch_huber_unclipped_numpy.py", "SwitchMoE", "switch_moe_torch.py", "SwitchMoE", *SWITCH,
                   *SWITCH_PARAMS),
         mechanism="pair: the Huber derivative is taken as the raw residual r / size instead of "
                   "clip(r, -DELTA, DELTA) / size: the loss is the Huber loss but the backward is the squared "
                   "error's, so rows with |r| > DELTA (more than half, the outliers most) push with their whole "
                   "residual; all gradients are wrong, the loss is right",
         expected=("huber", "clip", "delta", "derivative", "residual", "outlier", "squared error", "mse",
                   "linear region", "backward", "gradient", "loss", "robust", "inconsistent", "np.clip")),
    dict(id="RU16_switch_decay_in_loop", side="numpy",
         args=pair("16_switch_decay_in_loop_numpy.py", "SwitchMoE", "switch_moe_torch.py", "SwitchMoE", *SWITCH,
                   *SWITCH_PARAMS),
         mechanism="pair: the exponential decay self.lr *= GAMMA sits inside the loop over the parameters "
                   "instead of after it: the rate is multiplied by GAMMA once per parameter (six times per "
                   "update), so within the first update the later parameters already use LR * GAMMA^k and the "
                   "rate falls as GAMMA^6 per step instead of GAMMA",
         expected=("learning rate", "lr", "decay", "exponential", "exponentiallr", "gamma", "schedule",
                   "scheduler", "loop", "per parameter", "indentation", "too fast", "each parameter",
                   "multiplied", "update")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RU17_dense_flat_numpy", side="correct",
         args=pair("dense_moe_flat_numpy.py", "DenseMoEFlat", "dense_moe_torch.py", "DenseMoE", *DENSE,
                   *DENSE_FLAT_PARAMS),
         mechanism="pair: the dense mixture in NumPy with every parameter a named view into one flat vector, "
                   "a log-sum-exp gate, the softmax backward as the explicit Jacobian diag(p) - p p^T, the "
                   "coefficient of variation written as E sum(imp^2) / sum(imp)^2 - 1, and clipping and Adam on "
                   "the flat vectors; against the stacked-parameter port", expected=()),
    dict(id="RU18_top2_modulelist_port", side="correct",
         args=pair("top2_moe_numpy.py", "Top2MoE", "top2_moe_list_torch.py", "Top2MoEList", *TOP2,
                   *TOP2_LIST_PARAMS),
         mechanism="pair: top-2 port with an nn.ModuleList of nn.Sequential experts run only on their routed "
                   "rows and accumulated with index_add_, the top two taken on the logits and weighted by the "
                   "softmax of those two, log_softmax + nll_loss, a bincount load-balancing fraction and the "
                   "step schedule as a LambdaLR", expected=()),
    dict(id="RU19_switch_gather_port", side="correct",
         args=pair("switch_moe_numpy.py", "SwitchMoE", "switch_moe_gather_torch.py", "SwitchMoEGather", *SWITCH,
                   *SWITCH_RAW_PARAMS),
         mechanism="pair: Switch port with raw stacked nn.Parameters, each row's expert weights gathered by "
                   "index and applied with torch.bmm, a log_softmax gate, the Huber loss written with "
                   "torch.where, RMSprop(foreach=False) and the exponential decay as a LambdaLR", expected=()),
]
