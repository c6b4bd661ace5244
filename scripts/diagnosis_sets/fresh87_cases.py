"""Eighty-seventh fresh held-out set for the diagnosis: one planted bug per program in fresh87/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is quantisation-aware and binarised networks written by hand. A 3-class MLP whose two
weight matrices are fake-quantised per tensor to 4 bits (scale max|W| / 7) and whose clipped-ReLU
hidden layer is fake-quantised to 4 unsigned bits on [0, 1], trained through the straight-through
estimator (identity for the weight rounding, masked to 0 < z < 1 for the activation), softmax
cross-entropy, SGD with momentum, L2 weight decay on the latent weights only and a staircase
step schedule (LR halved every 8 updates); an XNOR-style BinaryConnect network (sign of latent
weights scaled per output unit by their mean |W|, the sign's straight-through gradient masked to
|W| <= 1, the scale a constant), hard-tanh hidden units, the squared hinge on -1/+1 targets
made from 0/1 labels, Adam and the latent weights clipped to [-1, 1] after each step; and a
regression MLP with learned step size quantisation (LSQ: 4-bit signed weights and 4-bit unsigned
ReLU activations, each with a learned step size and its gradient scale 1 / sqrt(N Qp)), the mean
squared error, global gradient-norm clipping and AdamW with decoupled weight decay on the two
weights only. The ports write their straight-through estimators as x + (q(x) - x).detach() or
as a small torch.autograd.Function. The data are kept off the quantisers' rounding ties.
fresh87/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh87_cases

Each case:
    id          short name (prefixed RI)
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

F = "scripts/diagnosis_sets/fresh87/"

BLOBS, SIGNS, SENSOR = F + "blobs.npz", F + "signs.npz", F + "sensor.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


QAT = ("--data", BLOBS, "--batch-size", "20")
QAT_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                    "params['b2']=fc2.bias")
QAT_ALT_PARAMS = params("W_hid=fc1.weight", "b_hid=fc1.bias", "W_out=fc2.weight", "b_out=fc2.bias")
XN = ("--data", SIGNS, "--batch-size", "16")
XN_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                   "params['b2']=fc2.bias")
XN_P_PARAMS = params("params['W1']=W1", "params['b1']=b1", "params['W2']=W2", "params['b2']=b2")
LS = ("--data", SENSOR, "--batch-size", "20")
LS_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['s_w1']=fc1.step",
                   "params['s_a']=act_step", "params['W2']=fc2.weight.T", "params['b2']=fc2.bias",
                   "params['s_w2']=fc2.step")
LS_F_PARAMS = params("params['W1']=hidden_weight.T", "params['b1']=hidden_bias", "params['s_w1']=steps.w1",
                     "params['s_a']=steps.act", "params['W2']=out_weight.T", "params['b2']=out_bias",
                     "params['s_w2']=steps.w2")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RI01_qat_ste_unmasked", side="port",
         args=pair("qat_mlp_numpy.py", "QATMLP", "01_qat_ste_unmasked_port.py", "QATMLP", *QAT, *QAT_PARAMS),
         mechanism="pair: the port's activation straight-through estimator is written on the unclamped "
                   "pre-activation, z + (q(z) - z).detach(), instead of on the clamped a = clamp(z, 0, 1), "
                   "a + (q(a) - a).detach(): the forward is unchanged, but the gradient passes straight through "
                   "where z < 0 or z > 1 instead of being masked to 0 < z < 1, so fc1's gradients (W1, b1) are "
                   "too large; W2, b2 and the loss agree",
         expected=("straight-through", "ste", "mask", "clip", "clamp", "clip range", "identity", "detach",
                   "outside", "saturated", "passes through", "activation", "quantiz", "backward",
                   "hidden layer")),
    dict(id="RI02_qat_schedule_truediv", side="port",
         args=pair("qat_mlp_numpy.py", "QATMLP", "02_qat_schedule_truediv_port.py", "QATMLP", *QAT, *QAT_PARAMS),
         mechanism="pair: the LambdaLR step schedule is GAMMA ** (step / STEP_SIZE), true division, instead of "
                   "GAMMA ** (step // STEP_SIZE): the learning rate decays smoothly, by 0.5 ** (1/8) = 0.917 every "
                   "update, instead of halving in a staircase every 8 updates; gradients agree, the updates differ "
                   "from the second step by a factor that moves with the step (one factor for all parameters)",
         expected=("schedule", "scheduler", "step schedule", "staircase", "lambdalr", "integer division", "//",
                   "true division", "learning rate", "decay", "exponential", "gamma", "step_size", "every step",
                   "lr")),
    dict(id="RI03_qat_act_levels", side="port",
         args=pair("qat_mlp_numpy.py", "QATMLP", "03_qat_act_levels_port.py", "QATMLP", *QAT, *QAT_PARAMS),
         mechanism="pair: the port's activation quantiser has QA = 2 ** ABITS = 16 instead of 2 ** ABITS - 1 = 15: "
                   "the clipped activations are rounded to multiples of 1/16 instead of 1/15, so the hidden "
                   "activations, the logits, the loss and every gradient differ from the first step",
         expected=("quantiz", "levels", "2 ** bits - 1", "bits", "off by one", "off-by-one", "activation",
                   "rounding", "step size", "scale", "1/15", "1/16", "forward", "grid", "qmax")),
    dict(id="RI04_xnor_alpha_dim", side="port",
         args=pair("xnor_numpy.py", "XnorNet", "04_xnor_alpha_dim_port.py", "XnorNet", *XN, *XN_PARAMS),
         mechanism="pair: the XNOR scale is the mean |w| over dim=0 of nn.Linear's (out, in) weight, one scale per "
                   "input feature, instead of dim=1, one per output unit (the NumPy program's axis=0 of its "
                   "(in, out) layout copied without the transpose): the binarised weights, and so the output, the "
                   "loss and every gradient differ (in the one-unit output layer the scale becomes |w| itself and "
                   "the layer is not binarised at all)",
         expected=("scale", "alpha", "mean absolute", "xnor", "dim", "axis", "per output", "per-channel",
                   "transpose", "layout", "binar", "sign", "forward", "dim=1", "wrong axis")),
    dict(id="RI05_xnor_alpha_not_detached", side="port",
         args=pair("xnor_numpy.py", "XnorNet", "05_xnor_alpha_grad_port.py", "XnorNet", *XN, *XN_PARAMS),
         mechanism="pair: the XNOR scale alpha = mean |w| of each output unit is not detached, so autograd also "
                   "differentiates through it: each latent weight's gradient gains sign(w) / fan_in * sum over its "
                   "row of dL/dW_b * sign(w), where the NumPy program treats the scale as a constant; the output "
                   "and loss agree, the weight gradients differ (the biases agree)",
         expected=("detach", "scale", "alpha", "constant", "autograd", "extra term", "gradient through",
                   "mean absolute", "xnor", "straight-through", "weight gradient", "backward", "stop gradient",
                   "sign", "binar")),
    dict(id="RI06_xnor_clamp_discarded", side="port",
         args=pair("xnor_numpy.py", "XnorNet", "06_xnor_clamp_discarded_port.py", "XnorNet", *XN, *XN_PARAMS),
         mechanism="pair: after optimizer.step() the port calls layer.weight.clamp(-1, 1), the out-of-place clamp "
                   "whose result is thrown away, instead of clamp_(-1, 1): the latent weights are never clipped "
                   "to [-1, 1], so a weight that an update pushes past +-1 keeps its overshoot; the gradients and "
                   "Adam moments agree, the updates of the weights at the boundary differ",
         expected=("clip", "clamp", "clamp_", "in-place", "in place", "latent weights", "[-1, 1]",
                   "binaryconnect", "discarded", "no-op", "update", "boundary", "never clipped", "projection",
                   "after the step")),
    dict(id="RI07_lsq_output_shape", side="port",
         args=pair("lsq_numpy.py", "LSQNet", "07_lsq_output_shape_port.py", "LSQNet", *LS, *LS_PARAMS),
         mechanism="pair: the port's forward returns fc2's (n, 1) output without .squeeze(1), and "
                   "F.mse_loss((n, 1), (n,)) broadcasts to (n, n): the loss averages (out_i - y_j)^2 over every "
                   "pair of rows, so the loss and every gradient differ (each output is pulled toward the batch "
                   "mean of y rather than its own target)",
         expected=("broadcast", "shape", "squeeze", "(n, 1)", "(n,)", "mse_loss", "n x n", "every pair",
                   "mean of the targets", "target", "dimension", "loss", "warning", "reshape", "mismatch")),
    dict(id="RI08_lsq_adam_coupled_decay", side="port",
         args=pair("lsq_numpy.py", "LSQNet", "08_lsq_adam_coupled_port.py", "LSQNet", *LS, *LS_PARAMS),
         mechanism="pair: the port's optimizer is torch.optim.Adam with weight_decay=WD in the weights' group "
                   "instead of AdamW: the decay is added to the gradient (coupled L2, WD * W inside the moments, "
                   "then normalised by Adam) instead of shrinking the weights by lr * WD * W (decoupled), so the "
                   "moments and updates of W1 and W2 differ; gradients, biases and step sizes agree",
         expected=("adamw", "adam", "weight decay", "decoupled", "coupled", "l2", "weight_decay", "optimizer",
                   "exp_avg", "moments", "update", "proportional to the parameter", "decay", "shrink",
                   "loshchilov")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RI09_qat_decay_quantized", side="numpy",
         args=pair("09_qat_decay_quantized_numpy.py", "QATMLP", "qat_mlp_torch.py", "QATMLP", *QAT, *QAT_PARAMS),
         mechanism="pair: the weight-decay term of the momentum update is WD * fake_quant_weight(W), the quantised "
                   "copy, instead of WD * W, the latent weight: the decay differs by WD * (W_q - W), the "
                   "quantisation error, so the momentum buffers and updates of W1 and W2 differ slightly while the "
                   "gradients, the loss and the biases agree",
         expected=("weight decay", "decay", "quantiz", "latent", "quantized weight", "w_q", "l2", "momentum",
                   "velocity", "update", "proportional to the parameter", "quantization error", "optimizer",
                   "regulariz", "wd")),
    dict(id="RI10_qat_loss_float_model", side="numpy",
         args=pair("10_qat_loss_float_numpy.py", "QATMLP", "qat_mlp_torch.py", "QATMLP", *QAT, *QAT_PARAMS),
         mechanism="pair: loss(), and so the loss train_step returns, runs forward(X, quantize=False), the float "
                   "network (unquantised weights, clipped but unrounded activations), while the backward uses the "
                   "quantised forward: the reported loss differs from the port's (the loss of the quantised "
                   "network), the gradients and updates agree",
         expected=("loss", "reported loss", "loss value", "quantiz", "float", "full precision", "unquantized",
                   "fake quant", "forward", "quantize=false", "loss only", "gradients agree", "inconsistent",
                   "evaluation", "logits")),
    dict(id="RI11_qat_backprop_latent_w2", side="numpy",
         args=pair("11_qat_backprop_latent_numpy.py", "QATMLP", "qat_mlp_torch.py", "QATMLP", *QAT, *QAT_PARAMS),
         mechanism="pair: the gradient is carried back to the hidden layer through the latent weight, "
                   "dlogits @ W2.T, instead of the quantised weight the forward used, dlogits @ q2.T: W1 and b1 "
                   "receive wrong gradients (off by the quantisation error of W2); W2, b2 and the loss agree",
         expected=("quantiz", "latent", "backward", "backprop", "w2", "quantized weight", "float weight",
                   "straight-through", "chain rule", "hidden layer", "gradient", "w1", "forward weight",
                   "mismatch", "transpose")),
    dict(id="RI12_xnor_grad_missing_scale", side="numpy",
         args=pair("12_xnor_no_scale_grad_numpy.py", "XnorNet", "xnor_torch.py", "XnorNet", *XN, *XN_PARAMS),
         mechanism="pair: the hand-written gradient of the first binary layer drops the XNOR scale, "
                   "dL/dW1 = dL/dWb1 * [|W1| <= 1] instead of dL/dWb1 * alpha1 * [|W1| <= 1]: W1's gradient is "
                   "1 / alpha1 (about 2) times too large, a different factor per hidden unit; W2, the biases and "
                   "the loss agree",
         expected=("scale", "alpha", "xnor", "missing factor", "mean absolute", "chain rule", "backward",
                   "gradient", "per unit", "per column", "w1", "straight-through", "binar", "factor", "sign")),
    dict(id="RI13_xnor_vhat_beta1", side="numpy",
         args=pair("13_xnor_vhat_beta1_numpy.py", "XnorNet", "xnor_torch.py", "XnorNet", *XN, *XN_PARAMS),
         mechanism="pair: Adam's second-moment bias correction divides by 1 - BETA1 ** t instead of "
                   "1 - BETA2 ** t: v_hat is far too small in the early steps ((1 - 0.999^t) / (1 - 0.9^t), 0.01 "
                   "at step 1), so every update is larger, by a ratio that moves with the step; gradients and "
                   "moments agree",
         expected=("adam", "bias correction", "beta2", "beta1", "second moment", "v_hat", "exp_avg_sq", "update",
                   "ratio", "moves with the step", "optimizer", "1 - beta", "step", "correction", "denominator")),
    dict(id="RI14_xnor_01_targets", side="numpy",
         args=pair("14_xnor_01_targets_numpy.py", "XnorNet", "xnor_torch.py", "XnorNet", *XN, *XN_PARAMS),
         mechanism="pair: the squared hinge takes the 0/1 labels as its targets, t = y, instead of t = 2y - 1: "
                   "the negative rows get target 0, a margin max(0, 1 - 0 * out) = 1 whatever the output, a "
                   "constant loss with no gradient, the positive rows are right; the loss and every gradient differ",
         expected=("label", "labels", "target", "0/1", "-1/+1", "2y - 1", "2 * y - 1", "hinge", "squared hinge",
                   "margin", "sign", "encoding", "negative class", "data", "loss")),
    dict(id="RI15_lsq_clipped_step_grad", side="numpy",
         args=pair("15_lsq_clipped_step_grad_numpy.py", "LSQNet", "lsq_torch.py", "LSQNet", *LS, *LS_PARAMS),
         mechanism="pair: the LSQ step-size gradient is zero where v / s was clipped, "
                   "np.where(inside, round(v/s) - v/s, 0.0), instead of Qn or Qp there: the activation step size, "
                   "whose hidden units sometimes exceed 15 steps, loses the term that widens its range, so s_a's "
                   "gradient differs (and through the global norm clipping the factor of every gradient)",
         expected=("lsq", "step size", "learned step", "gradient", "clipped", "clip", "qp", "qn", "saturat",
                   "outside the range", "step-size gradient", "zero", "backward", "round(v/s) - v/s", "s_a")),
    dict(id="RI16_lsq_act_signed_range", side="numpy",
         args=pair("16_lsq_act_range_numpy.py", "LSQNet", "lsq_torch.py", "LSQNet", *LS, *LS_PARAMS),
         mechanism="pair: the hidden activations are fake-quantised with the weights' signed range "
                   "(Qn, Qp) = (-8, 7) instead of the unsigned (0, 15): activations above 7 steps are clipped at "
                   "7 * s_a in the forward while the backward still masks with 0..15, so the output, the loss and "
                   "every gradient differ wherever an activation exceeds 7 steps",
         expected=("quantiz", "range", "qp", "qn", "clip", "activation", "unsigned", "signed", "bits", "levels",
                   "lsq", "forward", "saturat", "7", "15")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RI17_qat_attr_layout_numpy", side="correct",
         args=pair("qat_mlp_alt_numpy.py", "QATMLPAlt", "qat_mlp_torch.py", "QATMLP", *QAT, *QAT_ALT_PARAMS),
         mechanism="pair: the QAT MLP in NumPy with its weights as attributes in the (out, in) layout (x @ W.T), "
                   "np.rint and np.floor(x * 15 + 0.5) rounding, np.where for the clipped ReLU and the "
                   "straight-through mask, a log-sum-exp cross-entropy with a one-hot matrix, separate backward() "
                   "and update(), in-place momentum buffers and the schedule through divmod; against the "
                   "QuantLinear port", expected=()),
    dict(id="RI18_xnor_raw_param_port", side="correct",
         args=pair("xnor_numpy.py", "XnorNet", "xnor_params_torch.py", "XnorNetP", *XN, *XN_P_PARAMS),
         mechanism="pair: XNOR port with raw (in, out) nn.Parameters used as X @ W, the straight-through sign "
                   "through clamp + detach (gradient 1 where |w| <= 1), the scale as the detached "
                   "vector_norm(ord=1) / n, torch.clamp as the hard tanh, F.relu(...).square() for the squared "
                   "hinge, Adam(foreach=False) and the latent weights clipped through .data", expected=()),
    dict(id="RI19_lsq_function_port", side="correct",
         args=pair("lsq_numpy.py", "LSQNet", "lsq_function_torch.py", "LSQNetF", *LS, *LS_F_PARAMS),
         mechanism="pair: LSQ port with a torch.autograd.Function whose backward is written out (mask, "
                   "round(v/s) - v/s or Qn/Qp, gradient scale), raw (out, in) weights, the step sizes in an "
                   "nn.ParameterDict, the decay group picked by parameter name, clip_grad_norm_(foreach=False) "
                   "and AdamW(foreach=False)", expected=()),
]
