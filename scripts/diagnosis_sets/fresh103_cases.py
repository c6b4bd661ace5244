"""Hundred-and-third fresh held-out set for the diagnosis: one planted bug per program in fresh103/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is multiple-instance learning with the pooling written by hand: every row of X is a bag
of instances stored flat (instance after instance), y one label per bag, a small instance encoder
shared across the instances, a pooling over the bag and a bag classifier. Attention MIL (Ilse et
al.) over full bags of six instances: a ReLU encoder, scores w^T tanh(V^T h) softmaxed over the
instances, a binary logit trained with BCE against label-smoothed targets, AdamW with decoupled
weight decay on the encoder only and a linear warm-up; gated attention MIL over padded bags with
a 0/1 instance mask in the last columns: a tanh encoder, tanh(V h + bV) * sigmoid(U h + bU)
gated scores softmaxed over the real instances only, three classes with softmax cross-entropy,
global-norm gradient clipping and SGD with momentum and L2 weight decay; log-sum-exp pooling
over padded bags: a two-layer instance MLP, each feature pooled by the masked log-mean-exp with
a temperature R, a class-weighted (pos_weight) BCE, RMSprop with a step decay. The NumPy programs
write the backward through the classifier, the pooling, the attention softmax and the mask by
hand. fresh103/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh103_cases

Each case:
    id          short name (prefixed RY)
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

F = "scripts/diagnosis_sets/fresh103/"

BAGS, PADDED3, PADDED_BIN = F + "bags.npz", F + "padded3.npz", F + "padded_bin.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


ATT = ("--data", BAGS, "--batch-size", "10")
ATT_PARAMS = params("params['W1']=enc.weight.T", "params['b1']=enc.bias", "params['V']=att_V.weight.T",
                    "params['w']=att_w.weight.T", "params['Wc']=cls.weight.T", "params['bc']=cls.bias")
ATT_ALT_PARAMS = params("params['enc_w']=enc.weight", "params['enc_b']=enc.bias",
                        "params['att_v']=att_V.weight", "params['att_w']=att_w.weight",
                        "params['cls_w']=cls.weight", "params['cls_b']=cls.bias")
GATED = ("--data", PADDED3, "--batch-size", "12")
GATED_PARAMS = params("params['W1']=enc.weight.T", "params['b1']=enc.bias", "params['V']=att_V.weight.T",
                      "params['bV']=att_V.bias", "params['U']=att_U.weight.T", "params['bU']=att_U.bias",
                      "params['w']=att_w.weight.T", "params['Wc']=cls.weight.T", "params['bc']=cls.bias")
GATED_P_PARAMS = params("params['W1']=W1", "params['b1']=b1", "params['V']=V", "params['bV']=bV",
                        "params['U']=U", "params['bU']=bU", "params['w']=w", "params['Wc']=Wc",
                        "params['bc']=bc")
LSE = ("--data", PADDED_BIN, "--batch-size", "8", "--state", "square_avg=net.sq")
LSE_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                    "params['b2']=fc2.bias", "params['Wc']=cls.weight.T", "params['bc']=cls.bias")
LSE_SEQ_PARAMS = params("params['W1']=encoder.0.weight.T", "params['b1']=encoder.0.bias",
                        "params['W2']=encoder.2.weight.T", "params['b2']=encoder.2.bias",
                        "params['Wc']=head.weight.T", "params['bc']=head.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RY01_attn_softmax_batch_dim", side="port",
         args=pair("attn_mil_numpy.py", "AttnMIL", "01_attn_softmax_dim_port.py", "AttnMIL", *ATT,
                   *ATT_PARAMS),
         mechanism="pair: the attention weights are torch.softmax(s, dim=0) on the (bags, instances) score "
                   "matrix instead of dim=1: each instance's weight is normalised across the bags of the "
                   "batch, not over the instances of its own bag, so a bag's weights no longer sum to 1; the "
                   "pooled embedding, the logit, the loss and every gradient differ from step 1",
         expected=("softmax", "dim=0", "dim=1", "wrong dim", "axis", "attention", "attention weights",
                   "normaliz", "over the batch", "instances", "bag", "pooling", "sum to 1", "forward",
                   "batch dimension")),
    dict(id="RY02_gated_mask_fill_zero", side="port",
         args=pair("gated_mil_numpy.py", "GatedMIL", "02_gated_mask_fill_zero_port.py", "GatedMIL", *GATED,
                   *GATED_PARAMS),
         mechanism="pair: the padded instances' scores are masked_fill-ed with 0.0 instead of -inf before the "
                   "softmax: padding still gets weight exp(0) / sum, so the real instances' weights shrink and "
                   "the padded embeddings tanh(b1) leak into the pooled bag embedding of every bag with fewer "
                   "than seven instances; logits, loss and all gradients differ",
         expected=("mask", "masked_fill", "-inf", "padding", "padded", "padded instances", "attention",
                   "softmax", "zero", "0.0", "leak", "instance mask", "weights", "pooling", "forward")),
    dict(id="RY03_attn_smoothing_target", side="port",
         args=pair("attn_mil_numpy.py", "AttnMIL", "03_attn_smoothing_half_port.py", "AttnMIL", *ATT,
                   *ATT_PARAMS),
         mechanism="pair: the label-smoothed target is y * (1 - SMOOTH) without the + SMOOTH / 2: positive bags "
                   "aim at 0.9 instead of 0.95 and negative bags at 0 instead of 0.05, so the BCE loss and "
                   "dlogit (sigmoid - target) differ by 0.05 per bag / n, every gradient shifted",
         expected=("label smoothing", "smoothing", "target", "targets", "0.5 * smooth", "smooth / 2", "bce",
                   "binary cross-entropy", "loss", "shifted", "offset", "labels", "epsilon", "soft labels",
                   "sigmoid - target")),
    dict(id="RY04_attn_adam_not_adamw", side="port",
         args=pair("attn_mil_numpy.py", "AttnMIL", "04_attn_adam_coupled_port.py", "AttnMIL", *ATT,
                   *ATT_PARAMS),
         mechanism="pair: the port builds torch.optim.Adam instead of AdamW with the same parameter groups: the "
                   "encoder's weight_decay=WD becomes an L2 term WD * p added to the gradient inside the Adam "
                   "moments (coupled) instead of the decoupled p *= 1 - lr * WD; the encoder's moments and "
                   "updates differ, the other groups and the gradients agree",
         expected=("adamw", "adam", "weight decay", "decoupled", "coupled", "l2", "weight_decay",
                   "optimizer", "encoder", "param group", "exp_avg", "moments", "update", "decay",
                   "proportional to the parameter")),
    dict(id="RY05_gated_clip_per_parameter", side="port",
         args=pair("gated_mil_numpy.py", "GatedMIL", "05_gated_clip_per_param_port.py", "GatedMIL", *GATED,
                   *GATED_PARAMS),
         mechanism="pair: clip_grad_norm_ is called on each parameter separately instead of once on all of "
                   "them: each tensor is clipped to norm MAX_NORM on its own instead of all scaled by "
                   "MAX_NORM / global norm, so on the steps where the global norm exceeds 0.5 the small "
                   "gradients are left unscaled; gradients, momentum buffers and updates differ by a "
                   "different factor per parameter",
         expected=("clip", "clipping", "clip_grad_norm_", "global norm", "total norm", "per parameter",
                   "per-parameter", "each parameter", "max_norm", "gradient norm", "scaled", "factor",
                   "rescale", "momentum buffer")),
    dict(id="RY06_lse_missing_log_count", side="port",
         args=pair("lse_mil_numpy.py", "LSEMIL", "06_lse_no_log_count_port.py", "LSEMIL", *LSE, *LSE_PARAMS),
         mechanism="pair: the pooling is torch.logsumexp(R h) / R without subtracting log(count): a log-sum-exp "
                   "instead of a log-mean-exp, each bag's pooled features raised by log(n_instances) / R "
                   "(a different shift per bag, 2 to 8 real instances), so the logits, the loss and all "
                   "gradients differ while the pooling's own derivative is unchanged",
         expected=("logsumexp", "log-sum-exp", "log-mean-exp", "mean", "log(count)", "count", "instances",
                   "pooling", "temperature", "shift", "offset", "per bag", "mask.sum", "normaliz",
                   "forward")),
    dict(id="RY07_lse_scheduler_before_step", side="port",
         args=pair("lse_mil_numpy.py", "LSEMIL", "07_lse_scheduler_first_port.py", "LSEMIL", *LSE, *LSE_PARAMS),
         mechanism="pair: scheduler.step() is called before optimizer.step(): the StepLR decay comes one update "
                   "early, the 6th, 12th and 18th updates already use the halved learning rate; gradients and "
                   "RMSprop square averages agree, those updates are half the NumPy program's",
         expected=("scheduler", "steplr", "step decay", "learning rate", "schedule", "order", "before",
                   "optimizer.step()", "scheduler.step()", "off by one", "off-by-one", "one step early",
                   "gamma", "decay", "halved")),
    dict(id="RY08_gated_bag_layout", side="port",
         args=pair("gated_mil_numpy.py", "GatedMIL", "08_gated_bag_layout_port.py", "GatedMIL", *GATED,
                   *GATED_PARAMS),
         mechanism="pair: the flat bag columns are read as reshape(-1, D, B).transpose(1, 2) (feature-major) "
                   "instead of reshape(-1, B, D) (instance after instance): instances and features are "
                   "scrambled across each other, padding zeros land inside real instances; the encoder's "
                   "input, the pooling, the loss and every gradient differ",
         expected=("reshape", "layout", "transpose", "view", "instances", "features", "order", "scrambled",
                   "bag", "flat", "columns", "interleav", "data", "input", "shape")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RY09_attn_softmax_jacobian", side="numpy",
         args=pair("09_attn_softmax_jacobian_numpy.py", "AttnMIL", "attn_mil_torch.py", "AttnMIL", *ATT,
                   *ATT_PARAMS),
         mechanism="pair: the backward through the attention softmax is ds = a * da, the diagonal of the "
                   "Jacobian only, missing - a * sum(a * da): the score gradients no longer sum to zero over "
                   "each bag, so w, V, W1 and b1 get wrong gradients (Wc, bc and the loss right)",
         expected=("softmax", "jacobian", "softmax backward", "attention", "diagonal", "missing term",
                   "sum(a * da)", "subtract", "backward", "gradient", "scores", "chain rule", "w", "v",
                   "attention weights")),
    dict(id="RY10_attn_missing_encoder_path", side="numpy",
         args=pair("10_attn_encoder_path_numpy.py", "AttnMIL", "attn_mil_torch.py", "AttnMIL", *ATT,
                   *ATT_PARAMS),
         mechanism="pair: the encoder's backward uses dh_pool, the gradient through the weighted sum only, "
                   "instead of dh = dh_pool + du V^T: the path from the instance embeddings through the "
                   "attention scores is dropped, so W1 and b1 get wrong gradients while V, w, Wc, bc and "
                   "the loss are right",
         expected=("missing path", "attention", "encoder", "backward", "gradient", "chain rule", "sum of",
                   "both paths", "dropped", "missing term", "w1", "b1", "instance embedding", "pooling",
                   "wrong variable")),
    dict(id="RY11_gated_gate_derivative", side="numpy",
         args=pair("11_gated_gate_derivative_numpy.py", "GatedMIL", "gated_mil_torch.py", "GatedMIL", *GATED,
                   *GATED_PARAMS),
         mechanism="pair: the sigmoid gate's derivative is written 1 - S ** 2 (the tanh formula, on the "
                   "activation) instead of S * (1 - S): the gate branch's gradient is wrong, so U and bU and, "
                   "through dh, W1 and b1 get wrong gradients (V, bV, w, Wc, bc right)",
         expected=("sigmoid", "derivative", "gate", "gated", "tanh", "1 - s ** 2", "s * (1 - s)", "activation",
                   "backward", "gradient", "u", "bu", "attention", "wrong formula")),
    dict(id="RY12_gated_mask_no_renormalise", side="numpy",
         args=pair("12_gated_mask_no_renorm_numpy.py", "GatedMIL", "gated_mil_torch.py", "GatedMIL", *GATED,
                   *GATED_PARAMS),
         mechanism="pair: the attention weights are e * M / e.sum(): the softmax is normalised over all seven "
                   "slots, padding included, and the padded weights then zeroed without renormalising, so "
                   "in padded bags the real instances' weights sum to less than 1; the pooled embedding, "
                   "loss and every gradient differ",
         expected=("mask", "padding", "padded", "renormaliz", "normaliz", "softmax", "sum to 1", "attention",
                   "weights", "denominator", "masked softmax", "instances", "forward", "zeroed")),
    dict(id="RY13_gated_clip_no_min", side="numpy",
         args=pair("13_gated_clip_no_min_numpy.py", "GatedMIL", "gated_mil_torch.py", "GatedMIL", *GATED,
                   *GATED_PARAMS),
         mechanism="pair: the clipping coefficient is MAX_NORM / (norm + 1e-6) without min(1, ...): every "
                   "gradient is rescaled to norm 0.5, scaled up on the steps whose norm was already below it; "
                   "one factor for all parameters on those steps, momentum buffers and updates follow",
         expected=("clip", "clipping", "min(1", "clip coefficient", "max_norm", "global norm", "scaled up",
                   "rescale", "normaliz", "gradient norm", "factor", "one factor", "all parameters",
                   "clip_grad_norm_")),
    dict(id="RY14_lse_grad_temperature", side="numpy",
         args=pair("14_lse_grad_temperature_numpy.py", "LSEMIL", "lse_mil_torch.py", "LSEMIL", *LSE,
                   *LSE_PARAMS),
         mechanism="pair: the backward of the log-mean-exp pooling multiplies the softmax weights by the "
                   "temperature R: dh = R * softmax(R h) * dz instead of softmax(R h) * dz (the R of the exponent "
                   "and the 1/R outside cancel), so W2, b2, W1 and b1 get gradients 2.5 times too large; Wc, bc "
                   "and the loss are right",
         expected=("temperature", "r", "factor", "2.5", "scaled", "pooling", "log-sum-exp", "logsumexp",
                   "softmax", "backward", "gradient", "encoder", "cancel", "too large")),
    dict(id="RY15_lse_rmsprop_bias_correction", side="numpy",
         args=pair("15_lse_rmsprop_bias_corr_numpy.py", "LSEMIL", "lse_mil_torch.py", "LSEMIL", *LSE,
                   *LSE_PARAMS),
         mechanism="pair: the RMSprop step divides by sqrt(sq / (1 - ALPHA ** t)), an Adam-style bias "
                   "correction torch's RMSprop does not make: the first updates are about sqrt(1 - 0.9 ** t) "
                   "times torch's (0.32 at step 1), a ratio that moves toward 1 with the step; gradients "
                   "and square averages agree",
         expected=("rmsprop", "bias correction", "bias-corrected", "1 - alpha ** t", "square_avg", "adam",
                   "ratio", "moves with the step", "update", "optimizer", "denominator", "sqrt", "early steps",
                   "smaller")),
    dict(id="RY16_lse_pos_weight_gradient", side="numpy",
         args=pair("16_lse_pos_weight_grad_numpy.py", "LSEMIL", "lse_mil_torch.py", "LSEMIL", *LSE,
                   *LSE_PARAMS),
         mechanism="pair: the class-weighted BCE's gradient is written (sigmoid - POS_W * y) / n instead of "
                   "((POS_W * y + 1 - y) * sigmoid - POS_W * y) / n: for positive bags it is off by sigmoid "
                   "(the weight should scale the whole positive term, not the target); the loss is right, "
                   "every gradient wrong",
         expected=("pos_weight", "positive weight", "class weight", "weighted", "bce", "binary cross-entropy",
                   "positive", "dlogit", "backward", "gradient", "loss and gradient", "inconsistent",
                   "target", "sigmoid")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RY17_attn_einsum_numpy", side="correct",
         args=pair("attn_mil_alt_numpy.py", "AttnMILAlt", "attn_mil_torch.py", "AttnMIL", *ATT,
                   *ATT_ALT_PARAMS),
         mechanism="pair: attention MIL in NumPy with the weights kept (out, in), np.einsum everywhere, the "
                   "softmax as exp(s - logsumexp), log-sigmoid loss, a cache dict, separate backward() and "
                   "update(), the AdamW state per parameter in a dict of dicts and in-place moment updates; "
                   "against the nn.Linear port", expected=()),
    dict(id="RY18_gated_raw_param_port", side="correct",
         args=pair("gated_mil_numpy.py", "GatedMIL", "gated_mil_params_torch.py", "GatedMILP", *GATED,
                   *GATED_P_PARAMS),
         mechanism="pair: gated MIL port with raw nn.Parameters in the NumPy layout, torch.unflatten for the "
                   "bags, the masked softmax written with torch.where, -log_softmax gathered for the loss and "
                   "the global-norm clipping written by hand under torch.no_grad", expected=()),
    dict(id="RY19_lse_sequential_port", side="correct",
         args=pair("lse_mil_numpy.py", "LSEMIL", "lse_mil_seq_torch.py", "LSEMILSeq", *LSE, *LSE_SEQ_PARAMS),
         mechanism="pair: LSE pooling port with an nn.Sequential instance MLP, the masked log-mean-exp written "
                   "with a detached max shift, the pos-weighted BCE from F.logsigmoid and the step decay as a "
                   "LambdaLR factor", expected=()),
]
