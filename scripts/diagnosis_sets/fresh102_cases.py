"""Hundred-and-second fresh held-out set for the diagnosis: one planted bug per program in
fresh102/ (eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy
programs, each checked against a correct port of its own) and three correct programs.
The theme is time-series forecasting written by hand on windows stored flat in X (each row the
last L values of one or three channels, y the next value or the next three values): a causal
dilated convolution stack (kernels of width 3 and 2, dilations 1, 2, 4, zero left padding, ReLU
then two tanh residual blocks, a linear head on the last time step) with the mean squared error,
gradient clipping by global norm, Adam and a cosine learning-rate schedule; a linear
autoregressive model over three channels with shared AR coefficients, a learned per-channel
scaling, a trend term on each window's least-squares slope and a bias, the Huber loss
(delta 0.5), SGD with Nesterov momentum and weight decay and an exponential schedule; and a
multi-horizon MLP head with RevIN-style instance normalisation (each window's mean and std, a
learned affine gamma, beta, undone on the output) and the pinball loss for the quantiles 0.1,
0.5, 0.9 at once, trained with RMSprop. The NumPy programs write the convolutions (loops over
taps, or strided index arrays), the normalisation and every backward by hand.
fresh102/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh102_cases

Each case:
    id          short name (prefixed RX)
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

F = "scripts/diagnosis_sets/fresh102/"

TCN_DATA, MULTI, HORIZON = F + "tcn.npz", F + "multi.npz", F + "horizon.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


TCN = ("--data", TCN_DATA, "--batch-size", "16")
TCN_PARAMS = params("params['W1']=conv1.conv.weight", "params['b1']=conv1.conv.bias",
                    "params['W2']=conv2.conv.weight", "params['b2']=conv2.conv.bias",
                    "params['W3']=conv3.conv.weight", "params['b3']=conv3.conv.bias",
                    "params['Wo']=head.weight.T", "params['bo']=head.bias")
TCN_ALT_PARAMS = params("params['K1']=conv1.conv.weight.permute(2,1,0)", "params['c1']=conv1.conv.bias",
                        "params['K2']=conv2.conv.weight.permute(2,1,0)", "params['c2']=conv2.conv.bias",
                        "params['K3']=conv3.conv.weight.permute(2,1,0)", "params['c3']=conv3.conv.bias",
                        "params['w_head']=head.weight", "params['b_head']=head.bias")
AR = ("--data", MULTI, "--batch-size", "10")
AR_PARAMS = params("params['phi']=phi", "params['scale']=scale", "params['trend']=trend",
                   "params['bias']=bias")
AR_DICT_PARAMS = params("params['phi']=params.phi", "params['scale']=params.scale",
                        "params['trend']=params.trend", "params['bias']=params.bias")
QM = ("--data", HORIZON, "--batch-size", "12")
QM_PARAMS = params("params['gamma']=gamma", "params['beta']=beta", "params['W1']=fc1.weight.T",
                   "params['b1']=fc1.bias", "params['W2']=fc2.weight.T", "params['b2']=fc2.bias")
QM_FLAT_PARAMS = params("params['gamma']=gamma", "params['beta']=beta", "params['W1']=fc1.weight",
                        "params['b1']=fc1.bias", "params['W2']=fc2.weight", "params['b2']=fc2.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RX01_qm_std_unbiased", side="port",
         args=pair("quantile_numpy.py", "QuantileMLP", "01_qm_std_unbiased_port.py", "QuantileMLP", *QM,
                   *QM_PARAMS),
         mechanism="pair: the port's instance normalisation takes X.std(dim=1, keepdim=True) without "
                   "unbiased=False, torch's default Bessel-corrected (n - 1) std where NumPy's np.std divides "
                   "by n: each window's sd is sqrt(12/11) ~ 1.044 times larger, so the normalised input, the "
                   "denormalised predictions, the pinball loss and every gradient differ from the first step",
         expected=("std", "unbiased", "unbiased=false", "bessel", "n - 1", "ddof", "correction",
                   "standard deviation", "variance", "instance normalization", "instance normalisation",
                   "normaliz", "np.std", "sqrt(12/11)", "forward")),
    dict(id="RX02_tcn_chomp_left", side="port",
         args=pair("tcn_numpy.py", "CausalTCN", "02_tcn_chomp_left_port.py", "CausalTCN", *TCN, *TCN_PARAMS),
         mechanism="pair: the padded Conv1d output is chomped with [:, :, pad:] instead of [:, :, :-pad], "
                   "dropping the first outputs instead of the last: output t then sees inputs t .. t + pad "
                   "(the future, zero padding at the right end) instead of t - pad .. t, a non-causal "
                   "convolution; the last time step the head reads, the prediction, loss and gradients differ",
         expected=("causal", "non-causal", "chomp", "padding", "left padding", "right", "future", "leak",
                   "look-ahead", "shift", "offset", "time step", "conv1d", "slice", "forward")),
    dict(id="RX03_ar_smooth_l1", side="port",
         args=pair("ar_numpy.py", "TrendAR", "03_ar_smooth_l1_port.py", "TrendAR", *AR, *AR_PARAMS),
         mechanism="pair: the port's loss is F.smooth_l1_loss(pred, y, beta=0.5) instead of "
                   "F.huber_loss(pred, y, delta=0.5): smooth L1 is the Huber loss divided by delta, so the loss "
                   "and every gradient are 1 / 0.5 = 2 times too large (both regions alike) and each SGD step "
                   "is doubled apart from the weight-decay term",
         expected=("huber", "smooth_l1", "smooth l1", "delta", "beta", "factor 2", "factor of 2", "twice",
                   "scaled", "divided by delta", "loss function", "loss scale", "ratio", "reduction",
                   "gradient")),
    dict(id="RX04_ar_gamma_linearised", side="port",
         args=pair("ar_numpy.py", "TrendAR", "04_ar_gamma_linearised_port.py", "TrendAR", *AR, *AR_PARAMS),
         mechanism="pair: the exponential schedule's factor is ExponentialLR(gamma=1 - DECAY) = 0.9 instead "
                   "of exp(-DECAY) ~ 0.9048: the first update agrees, from the second the port's learning "
                   "rate is (0.9 / 0.9048)^(t - 1) of the NumPy one, 0.5% smaller at step 2 and about 10% at "
                   "step 20; gradients agree, the updates differ by a factor that grows with the step",
         expected=("learning rate", "schedule", "scheduler", "exponentiallr", "exponential", "gamma",
                   "decay", "exp(-decay)", "1 - decay", "decay factor", "lr", "growing", "per step",
                   "update", "factor")),
    dict(id="RX05_tcn_clip_per_tensor", side="port",
         args=pair("tcn_numpy.py", "CausalTCN", "05_tcn_clip_per_tensor_port.py", "CausalTCN", *TCN,
                   *TCN_PARAMS),
         mechanism="pair: the port clips each parameter's gradient to norm 1 on its own "
                   "(clip_grad_norm_(p, MAX_NORM) in a loop) instead of the global norm of all gradients "
                   "together: tensors whose own norm is under 1 are left unscaled and larger ones scaled by "
                   "their own factor, so the clipped gradients differ by a different factor per parameter "
                   "(the NumPy program scales all by one factor), and Adam's moments and updates follow",
         expected=("clip", "clipping", "clip_grad_norm_", "global norm", "total norm", "per parameter",
                   "per-parameter", "per tensor", "each parameter", "max_norm", "gradient norm", "scale",
                   "factor", "separately", "gradient")),
    dict(id="RX06_qm_quantile_major", side="port",
         args=pair("quantile_numpy.py", "QuantileMLP", "06_qm_quantile_major_port.py", "QuantileMLP", *QM,
                   *QM_PARAMS),
         mechanism="pair: the port reads the 9 head outputs as .view(-1, Q, H).transpose(1, 2), quantile-major, "
                   "where the NumPy program reshapes them (n, H, Q), horizon-major: with H = Q = 3 the shapes "
                   "agree but output j = 3a + b is taken as horizon b, quantile a instead of horizon a, "
                   "quantile b, so the predictions are permuted against the targets and quantile levels and "
                   "the loss and gradients differ",
         expected=("reshape", "view", "transpose", "layout", "order", "horizon", "quantile", "permut",
                   "axis", "axes", "swapped", "shape", "(n, h, q)", "row-major", "output")),
    dict(id="RX07_tcn_adamw", side="port",
         args=pair("tcn_numpy.py", "CausalTCN", "07_tcn_adamw_port.py", "CausalTCN", *TCN, *TCN_PARAMS),
         mechanism="pair: the port's optimizer is torch.optim.AdamW(lr=LR), whose default weight_decay=0.01 "
                   "shrinks every parameter by lr * 0.01 * p each step, where the NumPy program is plain Adam: "
                   "gradients and moments agree, each update differs by a term proportional to the parameter",
         expected=("adamw", "weight decay", "weight_decay", "default", "0.01", "decoupled", "decay",
                   "proportional to the parameter", "adam", "optimizer", "shrink", "lr * wd * p",
                   "update", "regulariz")),
    dict(id="RX08_qm_pinball_sign", side="port",
         args=pair("quantile_numpy.py", "QuantileMLP", "08_qm_pinball_sign_port.py", "QuantileMLP", *QM,
                   *QM_PARAMS),
         mechanism="pair: the port's pinball residual is e = pred - y instead of y - pred: max(q e, (q - 1) e) "
                   "then penalises each quantile level q as if it were 1 - q (0.1 and 0.9 swapped, 0.5 "
                   "unchanged), so the loss and the gradients of the outer quantiles differ",
         expected=("pinball", "quantile", "quantile loss", "sign", "residual", "y - pred", "pred - y",
                   "1 - q", "swapped", "flipped", "asymmetric", "loss", "reversed", "tau",
                   "quantile level")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RX09_tcn_tap_dilation", side="numpy",
         args=pair("09_tcn_tap_dilation_numpy.py", "CausalTCN", "tcn_torch.py", "CausalTCN", *TCN, *TCN_PARAMS),
         mechanism="pair: the hand-written convolution backward takes tap k's input slice as xp[:, :, k:k + T] "
                   "instead of xp[:, :, k * d:k * d + T], forgetting the dilation: the kernel gradients of "
                   "the dilated layers (W2 with d = 2, W3 with d = 4) pair the output gradient with the wrong, "
                   "shifted inputs; W1 (d = 1), the biases, the input gradients and the loss are right",
         expected=("dilation", "dilated", "tap", "offset", "shift", "kernel gradient", "weight gradient",
                   "backward", "convolution", "conv", "index", "k * d", "w2", "w3", "wrong inputs")),
    dict(id="RX10_tcn_skip_grad", side="numpy",
         args=pair("10_tcn_skip_grad_numpy.py", "CausalTCN", "tcn_torch.py", "CausalTCN", *TCN, *TCN_PARAMS),
         mechanism="pair: the backward of the last residual block a3 = a2 + tanh(conv3(a2)) keeps only the "
                   "convolution branch, da2 = da2_conv instead of da3 + da2_conv: the identity (skip) path's "
                   "gradient is dropped, so W2, b2, W1 and b1 get wrong gradients while W3, b3, the head and "
                   "the loss are right",
         expected=("residual", "skip", "skip connection", "identity", "shortcut", "backward", "gradient",
                   "missing term", "dropped", "da3", "chain rule", "branch", "earlier layers", "w1", "w2")),
    dict(id="RX11_ar_time_major", side="numpy",
         args=pair("11_ar_time_major_numpy.py", "TrendAR", "ar_torch.py", "TrendAR", *AR, *AR_PARAMS),
         mechanism="pair: the NumPy program reads the flat channel-major windows as X.reshape(n, L, C)"
                   ".transpose(0, 2, 1) (time-major) instead of X.reshape(n, C, L): each channel's 'window' "
                   "is a strided mix of the three channels' lags, so the AR sum, the slope, the predictions, "
                   "the loss and all gradients differ",
         expected=("reshape", "layout", "channel-major", "time-major", "transpose", "order", "axis",
                   "channels", "lags", "window", "interleaved", "strided", "data", "input", "shape")),
    dict(id="RX12_ar_huber_delta_grad", side="numpy",
         args=pair("12_ar_huber_delta_grad_numpy.py", "TrendAR", "ar_torch.py", "TrendAR", *AR, *AR_PARAMS),
         mechanism="pair: the Huber derivative in the linear region is sign(e) instead of DELTA * sign(e): "
                   "errors beyond |e| >= 0.5 push with weight 1 instead of 0.5, doubling their contribution; "
                   "the loss is right but every gradient is too large by the share of the large-error entries",
         expected=("huber", "delta", "sign", "linear region", "outlier", "derivative", "gradient", "backward",
                   "clip", "|e|", "factor 2", "loss and gradient", "inconsistent", "large errors",
                   "smooth")),
    dict(id="RX13_ar_decay_outside_buffer", side="numpy",
         args=pair("13_ar_decay_outside_buffer_numpy.py", "TrendAR", "ar_torch.py", "TrendAR", *AR, *AR_PARAMS),
         mechanism="pair: the Nesterov momentum buffer is fed the raw gradient, v = MOMENTUM * v + g, instead "
                   "of the weight-decayed d = g + WD * p that the look-ahead step still uses: the weight decay "
                   "never accumulates in the buffer, so each update lacks lr * MOMENTUM * (decay carried in "
                   "v), a difference proportional to the parameters; gradients and loss agree",
         expected=("weight decay", "momentum", "nesterov", "momentum buffer", "velocity", "buffer", "l2",
                   "decay", "proportional to the parameter", "sgd", "update", "optimizer", "wd * p",
                   "accumulate")),
    dict(id="RX14_tcn_cosine_no_pi", side="numpy",
         args=pair("14_tcn_cosine_no_pi_numpy.py", "CausalTCN", "tcn_torch.py", "CausalTCN", *TCN, *TCN_PARAMS),
         mechanism="pair: the cosine schedule is written cos((t - 1) / T_MAX) without pi: the first update "
                   "agrees (cos 0 = 1) but the rate then decays far more slowly (about 0.79 LR at step 20 "
                   "instead of ~0.006 LR), so from step 2 the NumPy updates are larger by a factor that grows "
                   "with the step; gradients and moments agree",
         expected=("cosine", "schedule", "learning rate", "pi", "math.pi", "annealing", "cosineannealinglr",
                   "t_max", "lr", "decay", "scheduler", "growing", "factor", "step", "update")),
    dict(id="RX15_qm_gamma_denorm_sign", side="numpy",
         args=pair("15_qm_gamma_denorm_sign_numpy.py", "QuantileMLP", "quantile_torch.py", "QuantileMLP", *QM,
                   *QM_PARAMS),
         mechanism="pair: the gradient of the RevIN gamma through the denormalisation (out - beta) / gamma "
                   "drops the minus sign of d(1/gamma) = -1/gamma^2, so that part of gamma's gradient has the "
                   "wrong sign; the normalisation-side part, the other gradients and the loss are right",
         expected=("gamma", "sign", "denormaliz", "denormalis", "revin", "affine", "instance normalization",
                   "1/gamma", "derivative", "backward", "gradient", "minus", "scale parameter", "wrong sign",
                   "normaliz")),
    dict(id="RX16_qm_batch_mean", side="numpy",
         args=pair("16_qm_batch_mean_numpy.py", "QuantileMLP", "quantile_torch.py", "QuantileMLP", *QM,
                   *QM_PARAMS),
         mechanism="pair: the instance normalisation's mean is X.mean(keepdims=True), the mean of the whole "
                   "batch, instead of X.mean(axis=1, keepdims=True), each window's own mean (the std stays per "
                   "window): the normalised inputs are shifted by each window's offset from the batch mean "
                   "and the outputs are put back on the batch mean, so predictions, loss and gradients differ",
         expected=("mean", "axis", "axis=1", "per window", "per-instance", "instance normalization",
                   "instance normalisation", "batch mean", "whole batch", "normaliz", "keepdims",
                   "reduction", "forward", "statistics", "revin")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RX17_tcn_im2col_numpy", side="correct",
         args=pair("tcn_alt_numpy.py", "CausalTCNAlt", "tcn_torch.py", "CausalTCN", *TCN, *TCN_ALT_PARAMS),
         mechanism="pair: the causal TCN in NumPy with kernels stored (K, in, out) (paired with "
                   "permute(2,1,0)) and the head as a row, convolutions as strided index arrays (im2col) with an "
                   "np.add.at backward, clipping through np.linalg.norm of the concatenated gradients, Adam with "
                   "the bias corrections folded into the step size and eps, and the schedule as a method",
         expected=()),
    dict(id="RX18_ar_parameterdict_port", side="correct",
         args=pair("ar_numpy.py", "TrendAR", "ar_dict_torch.py", "TrendARDict", *AR, *AR_DICT_PARAMS),
         mechanism="pair: the trend AR port with an nn.ParameterDict, torch.unflatten windows, torch.einsum "
                   "for the AR sum and a centred-window slope, torch.addcmul, the Huber loss written with "
                   "torch.where and the exponential schedule as a LambdaLR factor", expected=()),
    dict(id="RX19_qm_flat_theta_numpy", side="correct",
         args=pair("quantile_flat_numpy.py", "QuantileMLPFlat", "quantile_torch.py", "QuantileMLP", *QM,
                   *QM_FLAT_PARAMS),
         mechanism="pair: the quantile MLP in NumPy with every parameter a view into one flat vector (weights "
                   "stored (out, in)), gradients as views into one flat vector, RMSprop on the whole vector, the "
                   "std written out, np.where pinball and the denormalisation as an affine out * ratio + "
                   "offset", expected=()),
]
