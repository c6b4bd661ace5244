"""Hundred-and-fourteenth fresh held-out set for the diagnosis: one planted bug per program in
fresh114/ (eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy
programs, each checked against a correct port of its own) and three correct programs.
The theme is audio and time-series classifiers written by hand: 1-D convolutions over the frames
of a log-mel spectrogram or over a raw signal. A keyword spotter over (8 mels, 16 frames) patches,
a 'same' convolution and a stride-2 'valid' convolution written with an im2col of strided slices
and its scatter-add backward, ReLU, global average pooling over the frames and a linear
classifier, softmax cross-entropy, AdamW with a cosine-annealed learning rate; a raw-waveform
classifier over 64-sample signals, a strided convolution (8 taps, stride 4) written frame by
frame, a layer norm over the channels of each frame, a tanh-approximated GELU, global max pooling
over the frames and a linear classifier, cross-entropy, SGD with Nesterov momentum and L2 weight
decay, global-norm gradient clipping and a one-cycle schedule (torch's OneCycleLR); and a
multi-label sound-event tagger over (6 mels, 20 frames) patches, a per-band instance norm of the
input, a dilated 'same' convolution written as shifted matmuls per tap, ReLU, attention pooling
over the frames (a softmax of per-frame scores), a linear layer to five tag logits, binary
cross-entropy on the logits, RMSprop. fresh114/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh114_cases

Each case:
    id          short name (prefixed SJ)
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

F = "scripts/diagnosis_sets/fresh114/"

KWS_DATA, WAVE_DATA, TAGS_DATA = F + "kws.npz", F + "wave.npz", F + "tags.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


KWS = ("--data", KWS_DATA, "--batch-size", "20")
KWS_PARAMS = params("params['W1']=conv1.weight", "params['b1']=conv1.bias", "params['W2']=conv2.weight",
                    "params['b2']=conv2.bias", "params['Wf']=fc.weight.T", "params['bf']=fc.bias")
KWS_TAPS_PARAMS = params("p['k1']=conv1.weight.permute(2,1,0)", "p['c1']=conv1.bias",
                         "p['k2']=conv2.weight.permute(2,1,0)", "p['c2']=conv2.bias",
                         "p['w_out']=fc.weight", "p['b_out']=fc.bias")
WAVE = ("--data", WAVE_DATA, "--batch-size", "12")
WAVE_PARAMS = params("params['Wc']=conv.weight", "params['bc']=conv.bias", "params['gamma']=norm.weight",
                     "params['beta']=norm.bias", "params['Wo']=fc.weight.T", "params['bo']=fc.bias")
WAVE_F_PARAMS = params("params['Wc']=kernel", "params['bc']=kbias", "params['gamma']=ln_w",
                       "params['beta']=ln_b", "params['Wo']=w_out", "params['bo']=b_out")
TAG = ("--data", TAGS_DATA, "--batch-size", "15", "--state", "square_avg=net.sq")
TAG_PARAMS = params("params['Wc']=conv.weight", "params['bc']=conv.bias", "params['a']=att.weight.reshape(8)",
                    "params['Wo']=fc.weight.T", "params['bo']=fc.bias")
TAG_SWV = ("--data", TAGS_DATA, "--batch-size", "15", "--state", "square_avg=net.ms")
TAG_SWV_PARAMS = params("weights['conv_w']=conv.weight", "weights['conv_b']=conv.bias",
                        "weights['att']=att.weight.T", "weights['out_w']=fc.weight", "weights['out_b']=fc.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="SJ01_kws_valid_padding", side="port",
         args=pair("kws_numpy.py", "KWSNet", "01_kws_valid_pad_port.py", "KWSNet", *KWS, *KWS_PARAMS),
         mechanism="pair: the port's first convolution is nn.Conv1d(8, 12, 3) without padding=1: a 'valid' "
                   "convolution giving 14 frames instead of the 'same' one giving 16, so the edge frames are "
                   "dropped, the second convolution sees shifted frames (6 outputs instead of 7) and the "
                   "average pool, logits, loss and every gradient differ from the first step",
         expected=("padding", "padding=1", "same", "valid", "zero padding", "conv1", "convolution",
                   "frames", "edge", "border", "output length", "sequence length", "shape", "forward",
                   "conv1d")),
    dict(id="SJ02_kws_adam_coupled_decay", side="port",
         args=pair("kws_numpy.py", "KWSNet", "02_kws_adam_l2_port.py", "KWSNet", *KWS, *KWS_PARAMS),
         mechanism="pair: the port uses torch.optim.Adam(weight_decay=0.01) instead of AdamW: the decay is "
                   "added to the gradient (coupled L2, WD * p going through the adaptive moments) instead of "
                   "shrinking the weights by lr * WD * p; gradients agree, the moments and updates differ",
         expected=("adamw", "adam", "weight decay", "weight_decay", "decoupled", "coupled", "l2",
                   "regulariz", "exp_avg", "moments", "proportional to the parameter", "optimizer",
                   "update", "lr * wd", "shrink")),
    dict(id="SJ03_kws_cosine_eta_min", side="port",
         args=pair("kws_numpy.py", "KWSNet", "03_kws_eta_min_port.py", "KWSNet", *KWS, *KWS_PARAMS),
         mechanism="pair: the port's CosineAnnealingLR leaves out eta_min=1e-3, so it anneals toward 0 "
                   "instead of ETA_MIN: the first update agrees (both at LR), later learning rates are lower by "
                   "ETA_MIN * (1 - cos(pi t / T_MAX)) / 2, a gap that grows with the step; gradients agree at "
                   "the shared start, the updates drift",
         expected=("cosine", "cosineannealinglr", "eta_min", "minimum learning rate", "learning rate",
                   "schedule", "scheduler", "anneal", "default", "lr", "grows with the step", "t_max",
                   "floor", "update", "ratio")),
    dict(id="SJ04_wave_reshape_not_transpose", side="port",
         args=pair("wave_numpy.py", "RawNet", "04_wave_reshape_frames_port.py", "RawNet", *WAVE, *WAVE_PARAMS),
         mechanism="pair: the port turns the conv output (N, C, L) into (N, L, C) with z.reshape(N, -1, C) "
                   "instead of z.transpose(1, 2): the memory is regrouped, not transposed, so each 'frame' "
                   "the layer norm sees is six consecutive values of one channel's time series; the "
                   "normalisation, GELU, max pool, loss and every gradient are wrong from the first step",
         expected=("reshape", "view", "transpose", "permute", "layout", "axes", "channels", "frames",
                   "layer norm", "layernorm", "memory order", "scrambled", "shape", "forward",
                   "time axis")),
    dict(id="SJ05_wave_gelu_exact", side="port",
         args=pair("wave_numpy.py", "RawNet", "05_wave_gelu_exact_port.py", "RawNet", *WAVE, *WAVE_PARAMS),
         mechanism="pair: the port calls F.gelu(a), the exact erf GELU, where the NumPy program uses the tanh "
                   "approximation (approximate='tanh'): activations differ by up to about 1e-3, so the pooled "
                   "features, loss and gradients differ slightly from the first step",
         expected=("gelu", "tanh", "approximate", "approximation", "erf", "exact", "activation",
                   "f.gelu", "approximate='tanh'", "forward", "small difference", "0.044715",
                   "activation function", "nonlinearity")),
    dict(id="SJ06_wave_clip_value", side="port",
         args=pair("wave_numpy.py", "RawNet", "06_wave_clip_value_port.py", "RawNet", *WAVE, *WAVE_PARAMS),
         mechanism="pair: the port clips with clip_grad_value_(params, 0.5), clamping each element to "
                   "[-0.5, 0.5], instead of clip_grad_norm_(params, 0.5), which rescales all gradients by "
                   "0.5 / global norm; the global norm is above 0.5 at every step, so the port's gradients are "
                   "not rescaled (several times too large) and the updates differ",
         expected=("clip", "clipping", "clip_grad_norm_", "clip_grad_value_", "gradient norm", "global norm",
                   "max_norm", "by value", "by norm", "scale", "scaled", "one factor", "every parameter",
                   "gradient", "rescale")),
    dict(id="SJ07_tag_softmax_ce", side="port",
         args=pair("tagger_numpy.py", "Tagger", "07_tag_softmax_ce_port.py", "Tagger", *TAG, *TAG_PARAMS),
         mechanism="pair: the multi-label port uses F.cross_entropy(logits, y) with the 0/1 tag vector as soft "
                   "targets (a softmax over the five tags, -sum y log softmax, mean over rows) instead of "
                   "F.binary_cross_entropy_with_logits (an independent sigmoid per tag, mean over every "
                   "entry): the loss and every gradient differ from the first step",
         expected=("cross_entropy", "cross entropy", "bce", "binary cross", "binary_cross_entropy_with_logits",
                   "sigmoid", "softmax", "multi-label", "multilabel", "independent", "loss function", "loss",
                   "tags", "logits", "soft targets")),
    dict(id="SJ08_tag_softmax_singleton_dim", side="port",
         args=pair("tagger_numpy.py", "Tagger", "08_tag_att_dim_port.py", "Tagger", *TAG, *TAG_PARAMS),
         mechanism="pair: the port's attention takes torch.softmax(scores, dim=-1) over the size-1 last axis of "
                   "the (N, T, 1) scores instead of dim=1 over the frames: every weight is 1, so the pooling sums "
                   "the 20 frames instead of averaging them with attention weights, and the attention vector "
                   "gets a zero gradient",
         expected=("softmax", "dim", "dim=1", "dim=-1", "axis", "attention", "attention pooling", "frames",
                   "size 1", "singleton", "all ones", "sum instead of", "zero gradient", "no gradient",
                   "att.weight")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="SJ09_kws_col2im_stride", side="numpy",
         args=pair("09_kws_col2im_stride_numpy.py", "KWSNet", "kws_torch.py", "KWSNet", *KWS, *KWS_PARAMS),
         mechanism="pair: the col2im scatter of the convolution backward adds each tap's input gradient to "
                   "dxp[:, :, j:j + L] instead of the strided positions j, j + 2, ...: for the stride-2 "
                   "second convolution the gradient reaching the first layer's output lands on the wrong "
                   "frames, so W1 and b1 get wrong gradients (the loss, W2, b2, Wf, bf are right)",
         expected=("stride", "col2im", "scatter", "backward", "input gradient", "conv2", "strided",
                   "convolution backward", "positions", "frames", "w1", "b1", "first layer", "conv1d",
                   "gradient")),
    dict(id="SJ10_kws_decay_without_lr", side="numpy",
         args=pair("10_kws_decay_no_lr_numpy.py", "KWSNet", "kws_torch.py", "KWSNet", *KWS, *KWS_PARAMS),
         mechanism="pair: the AdamW decoupled decay shrinks every parameter by p *= 1 - WD instead of "
                   "1 - lr * WD: the decay is 1/lr (100 times and more) too strong, so every update carries an "
                   "extra -WD * (1 - lr) * p, a difference proportional to the parameter; gradients and moments "
                   "agree at the shared start",
         expected=("weight decay", "decoupled", "adamw", "learning rate", "lr * wd", "proportional to the parameter",
                   "shrink", "decay", "missing lr", "too strong", "update", "optimizer", "regulariz",
                   "1 - lr")),
    dict(id="SJ11_kws_cosine_one_ahead", side="numpy",
         args=pair("11_kws_cosine_step_numpy.py", "KWSNet", "kws_torch.py", "KWSNet", *KWS, *KWS_PARAMS),
         mechanism="pair: the cosine schedule is evaluated at cos(pi * t / T_MAX) with t already incremented "
                   "(t = 1 for the first update) instead of t - 1: every update uses the next step's, smaller, "
                   "learning rate (the first is already below LR), the ratio of the updates moving with the "
                   "step",
         expected=("cosine", "schedule", "learning rate", "off by one", "off-by-one", "one step ahead",
                   "t - 1", "step count", "anneal", "lr", "scheduler", "first update", "ratio",
                   "moves with the step")),
    dict(id="SJ12_wave_layernorm_backward", side="numpy",
         args=pair("12_wave_ln_backward_numpy.py", "RawNet", "wave_torch.py", "RawNet", *WAVE, *WAVE_PARAMS),
         mechanism="pair: the layer-norm backward drops the term xhat * mean(dxhat * xhat) (the path through "
                   "the variance), dz = rstd * (dxhat - mean(dxhat)): the conv kernel Wc and bias bc get wrong "
                   "gradients, while gamma, beta, Wo, bo and the loss are right",
         expected=("layer norm", "layernorm", "normaliz", "variance", "backward", "xhat", "missing term",
                   "normalization backward", "gradient", "wc", "conv", "mean", "std", "chain rule")),
    dict(id="SJ13_wave_logsumexp_max", side="numpy",
         args=pair("13_wave_lse_max_numpy.py", "RawNet", "wave_torch.py", "RawNet", *WAVE, *WAVE_PARAMS),
         mechanism="pair: the loss's stable log-sum-exp forgets to add the row maximum back, "
                   "lse = log(sum(exp(logits - max))) instead of max + that: the reported loss is too small by "
                   "the mean row maximum, while the softmax used for the gradient is right, so gradients and "
                   "updates agree and only the loss value differs",
         expected=("log-sum-exp", "logsumexp", "max", "maximum", "shift", "stable", "loss value",
                   "reported loss", "loss only", "cross entropy", "softmax", "offset", "constant",
                   "gradients agree")),
    dict(id="SJ14_wave_clip_squared_norm", side="numpy",
         args=pair("14_wave_clip_sq_norm_numpy.py", "RawNet", "wave_torch.py", "RawNet", *WAVE, *WAVE_PARAMS),
         mechanism="pair: the global-norm clipping uses the squared norm sum(g^2) without the square root, so "
                   "the scale is MAX_NORM / |g|^2 instead of MAX_NORM / |g|: all gradients are scaled by one "
                   "wrong factor, 1 / |g| (smaller where the norm is above 1, larger where it is below 1)",
         expected=("clip", "clipping", "norm", "squared norm", "sqrt", "square root", "global norm",
                   "clip_grad_norm_", "max_norm", "one factor", "scaled", "every parameter", "gradient",
                   "scale")),
    dict(id="SJ15_tag_attention_softmax_grad", side="numpy",
         args=pair("15_tag_att_softmax_grad_numpy.py", "Tagger", "tagger_torch.py", "Tagger", *TAG, *TAG_PARAMS),
         mechanism="pair: the softmax backward of the attention pooling uses only the diagonal of the Jacobian, "
                   "ds = alpha (1 - alpha) dalpha, instead of alpha (dalpha - sum(alpha dalpha)): the "
                   "cross terms between frames are lost, so the attention vector a and the conv Wc, bc get "
                   "wrong gradients (Wo, bo and the loss are right)",
         expected=("softmax", "jacobian", "attention", "attention pooling", "backward", "diagonal",
                   "alpha (1 - alpha)", "sigmoid derivative", "cross terms", "frames", "gradient",
                   "weighted sum", "chain rule", "softmax derivative")),
    dict(id="SJ16_tag_instance_norm_axis", side="numpy",
         args=pair("16_tag_norm_axis_numpy.py", "Tagger", "tagger_torch.py", "Tagger", *TAG, *TAG_PARAMS),
         mechanism="pair: the input instance norm centres and scales over axis=1, the six mel bands of each "
                   "frame, instead of axis=2, the twenty frames of each band: the normalised input, so the "
                   "convolution output, the loss and every gradient differ from the first step",
         expected=("instance norm", "instance_norm", "normaliz", "axis", "axis=1", "axis=2", "mel bands",
                   "frames", "per frame", "per band", "mean", "variance", "input", "wrong axis",
                   "forward")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="SJ17_kws_time_major_taps", side="correct",
         args=pair("kws_alt_numpy.py", "KWSNetTaps", "kws_torch.py", "KWSNet", *KWS, *KWS_TAPS_PARAMS),
         mechanism="pair: the keyword spotter in NumPy written time-major, kernels kept (tap, in, out) and "
                   "paired with conv.weight.permute(2,1,0), each convolution a sum over taps of strided frame "
                   "slices, the dense weight (out, in), a log-softmax loss with a one-hot from np.eye, AdamW with "
                   "lazily created per-parameter state, moments updated as m += (1 - b1)(g - m) and both bias "
                   "corrections folded into the step size and eps", expected=()),
    dict(id="SJ18_wave_functional_port", side="correct",
         args=pair("wave_numpy.py", "RawNet", "wave_alt_torch.py", "RawNetF", *WAVE, *WAVE_F_PARAMS),
         mechanism="pair: raw-waveform port with raw nn.Parameters, F.conv1d, the layer norm and the tanh GELU "
                   "written out, amax over the frames, w_out kept (in, out), F.nll_loss of F.log_softmax, the "
                   "global-norm clipping by hand and the one-cycle schedule as a LambdaLR factor", expected=()),
    dict(id="SJ19_tag_sliding_window", side="correct",
         args=pair("tagger_alt_numpy.py", "TaggerSWV", "tagger_torch.py", "Tagger", *TAG_SWV, *TAG_SWV_PARAMS),
         mechanism="pair: the tagger in NumPy with sliding_window_view dilated windows and einsum, the "
                   "attention vector as a column and the dense weight (out, in), a log-softmax for the "
                   "attention, np.logaddexp BCE, a tanh-written sigmoid, the softmax backward as "
                   "alpha dalpha - alpha sum(alpha dalpha) and RMSprop's mean square updated in place",
         expected=()),
]
