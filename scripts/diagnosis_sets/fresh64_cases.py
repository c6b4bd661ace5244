"""Sixty-fourth fresh held-out set for the diagnosis: one planted bug per program in fresh64/
(eight PyTorch ports, seven of them checked against a NumPy program of their own, and eight NumPy
programs, seven of them checked against a correct port of their own) and three correct programs.
The theme is one-dimensional signal and audio networks written by hand: 1-D convolutions over
time with a hand-written im2col (valid padding, stride 2), causal dilated convolutions with
left zero-padding and loop backward passes in a small temporal convolutional network with a
residual connection regressing a causal filter's output, depthwise-separable 1-D convolutions
('same' padding, groups) with max pooling over time and global average pooling, framing a signal
into overlapping windows multiplied by a Hann window for a per-frame classifier, and a frame-level
dense classifier; PyTorch ports with nn.Conv1d / F.conv1d (weights (out, in, taps)), F.pad,
Tensor.unfold, nn.MaxPool1d and nn.AdaptiveAvgPool1d. fresh64/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh64_cases

Each case:
    id          short name (prefixed QL)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). The mechanisms differ from those
of the development set (cases.py) and the earlier fresh sets. Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh64/"
port, numpy_net = in_folder(F)

CLIPS, FILTER, FRAMES = F + "clips.npz", F + "filter.npz", F + "frames.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


CONV_PARAMS = params("params['W']=conv.weight", "params['b']=conv.bias", "params['V']=fc.weight.T",
                     "params['c']=fc.bias")
TCN_PARAMS = params("params['W1']=conv1.weight", "params['b1']=conv1.bias", "params['W2']=conv2.weight",
                    "params['b2']=conv2.bias", "params['Wo']=head.weight", "params['bo']=head.bias")
FRAMES_PARAMS = params("W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias")
SEP_PARAMS = params("params['Wd']=depthwise.weight", "params['bd']=depthwise.bias",
                    "params['Wp']=pointwise.weight", "params['bp']=pointwise.bias", "params['V']=fc.weight.T",
                    "params['c']=fc.bias")
SWV_PARAMS = params("kernel=kernel", "kernel_bias=kernel_bias", "head=head", "head_bias=head_bias")
SHIFT_PARAMS = params("weights[0]=convs.0.weight", "biases[0]=convs.0.bias", "weights[1]=convs.1.weight",
                      "biases[1]=convs.1.bias", "weights[2]=readout_w", "biases[2]=readout_b")
FRAME_NET = ("--data", "random:40,8,3", "--hidden-activation", "tanh", "--output-activation", "softmax",
             "--loss", "ce", "--lr", "0.5")


def conv(numpy_file: str = "conv_numpy.py", torch_file: str = "conv_torch.py") -> list[str]:
    return pair(numpy_file, "ConvClassifier", torch_file, "ConvClassifier", "--data", CLIPS, *CONV_PARAMS)


def tcn(numpy_file: str = "tcn_numpy.py", torch_file: str = "tcn_torch.py") -> list[str]:
    return pair(numpy_file, "CausalTCN", torch_file, "CausalTCN", "--data", FILTER, *TCN_PARAMS)


def frames(numpy_file: str = "frames_numpy.py", torch_file: str = "frames_torch.py") -> list[str]:
    return pair(numpy_file, "FrameClassifier", torch_file, "FrameClassifier", "--data", FRAMES, *FRAMES_PARAMS)


def sep(numpy_file: str = "sep_numpy.py", torch_file: str = "sep_torch.py") -> list[str]:
    return pair(numpy_file, "SeparableNet", torch_file, "SeparableNet", "--data", CLIPS, *SEP_PARAMS)


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QL01_conv_stride_dropped", side="port",
         args=conv(torch_file="01_conv_stride_port.py"),
         mechanism="pair: the port builds nn.Conv1d(C_IN, N_F, K) without stride=STRIDE: the convolution is "
                   "evaluated at every sample (28 output positions) instead of every second one (14), so the "
                   "global average over time pools twice as many, different windows and every gradient differs",
         expected=("stride", "stride=2", "strided", "output length", "output positions", "every sample",
                   "every second", "downsampl", "hop", "28 positions", "twice as many", "conv1d argument")),
    dict(id="QL02_conv_relu_after_pool", side="port",
         args=conv(torch_file="02_conv_relu_pool_port.py"),
         mechanism="pair: a misplaced parenthesis in the port's forward, relu(conv(x).mean(dim=2)) instead of "
                   "relu(conv(x)).mean(dim=2): the ReLU is applied after the global average pooling, to the mean "
                   "of the pre-activations, so negative positions cancel positive ones and the features, loss and "
                   "gradients differ",
         expected=("relu", "after the pooling", "before the pooling", "after pooling", "before pooling",
                   "relu of the mean", "mean of the relu", "order of relu", "parenthes", "pre-activation",
                   "activation order", "nonlinearity", "commute")),
    dict(id="QL03_tcn_pad_right", side="port",
         args=tcn(torch_file="03_tcn_pad_side_port.py"),
         mechanism="pair: the port pads the dilated second convolution's input with F.pad(h1, (0, (K-1)*D2)), "
                   "the padding on the right instead of the left ((left, right) order): the convolution is no "
                   "longer causal, output t reads samples t, t+2, t+4 instead of t-4, t-2, t, so the TCN sees the future "
                   "and its outputs and gradients differ",
         expected=("causal", "non-causal", "anticausal", "future", "padding", "f.pad", "left", "right side",
                   "(left, right)", "wrong side", "padded on the right", "look-ahead", "time shift")),
    dict(id="QL04_tcn_residual_inside_tanh", side="port",
         args=tcn(torch_file="04_tcn_residual_port.py"),
         mechanism="pair: the port adds the residual inside the activation, tanh(conv2(h1) + h1) instead of "
                   "tanh(conv2(h1)) + h1: the skip path is squashed by the tanh, so the block's output, the "
                   "loss and every gradient (the skip path's gradient now scaled by tanh') differ",
         expected=("residual", "skip", "skip connection", "inside the tanh", "inside the activation",
                   "before the activation", "after the activation", "identity path", "post-activation",
                   "pre-activation", "shortcut", "parenthes", "+ h1")),
    dict(id="QL05_frames_periodic_hann", side="port",
         args=frames(torch_file="05_frames_window_port.py"),
         mechanism="pair: the port takes torch.hann_window(FRAME) with its default periodic=True, the window of "
                   "length FRAME + 1 cut to FRAME samples, while NumPy's np.hanning(FRAME) is symmetric "
                   "(periodic=False): every frame is weighted by a different window, so the inputs of the first "
                   "layer, the loss and all gradients differ",
         expected=("hann", "window", "periodic", "symmetric", "hann_window", "np.hanning", "periodic=false",
                   "taper", "windowing", "framing", "n + 1", "window function")),
    dict(id="QL06_frames_loss_per_clip", side="port",
         args=frames(torch_file="06_frames_reduction_port.py"),
         mechanism="pair: the port's per-frame cross-entropy is summed over all frames and divided by the number "
                   "of clips, reduction='sum' / len(X), instead of averaged over every frame: the loss and every "
                   "gradient are 9 times (the frames per clip) the NumPy program's",
         expected=("reduction", "reduction='sum'", "sum instead of mean", "sum over", "per clip",
                   "frames per clip", "number of frames", "factor 9", "factor of 9", "9 times", "batch size",
                   "len(x)", "normaliz")),
    dict(id="QL07_sep_global_max", side="port",
         args=sep(torch_file="07_sep_global_pool_port.py"),
         mechanism="pair: the port's global pooling is nn.AdaptiveMaxPool1d(1) instead of AdaptiveAvgPool1d(1): "
                   "each channel's feature is its largest max-pooled value instead of the mean over time, so the "
                   "head sees other features and the gradient flows to one time position instead of all",
         expected=("adaptivemaxpool", "adaptiveavgpool", "max pooling", "max instead of", "global pooling",
                   "global average", "global max", "average pooling", "one position", "argmax",
                   "pooling over time", "maximum instead")),
    dict(id="QL08_frame_nll_on_probs", side="port",
         args=port("08_frame_nll_port.py", "Net", *OPT, *FRAME_NET),
         mechanism="the port passes softmax probabilities to F.nll_loss, which expects log-probabilities "
                   "(F.log_softmax): the loss is -mean p_y, minus the target probability, not the cross-entropy "
                   "-mean log p_y, so its gradient is p_y times smaller and shaped differently from the kit's",
         expected=("nll_loss", "nll", "log_softmax", "log-softmax", "log-probabilities", "log probabilities",
                   "missing log", "without the log", "no log", "probabilities instead", "negative log-likelihood",
                   "expects log")),
]


CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QL09_conv_im2col_order", side="numpy",
         args=conv(numpy_file="09_conv_im2col_numpy.py"),
         mechanism="pair: the im2col columns are flattened as (taps, channels), transpose(0, 2, 3, 1), while the "
                   "kernel is flattened as W.reshape(F, C*K), (channels, taps): the weights meet the wrong "
                   "channel-tap samples, so the convolution's output is wrong (the hand-written backward is "
                   "consistent with it)",
         expected=("im2col", "column order", "flatten", "flattening", "reshape", "transpose", "channels and taps",
                   "taps and channels", "layout", "channel and tap", "kernel layout", "permut", "ordering")),
    dict(id="QL10_conv_mean_pool_grad", side="numpy",
         args=conv(numpy_file="10_conv_pool_grad_numpy.py"),
         mechanism="pair: the backward of the global average pooling over time spreads the gradient to every "
                   "position without dividing by T_out: the convolution's weight and bias gradients are "
                   "T_out = 14 times too large (the head's are right)",
         expected=("average pooling", "mean pooling", "global pooling", "1/t", "divide", "divided", "t_out",
                   "factor 14", "factor of 14", "14 times", "pooling backward", "number of positions",
                   "sum instead of mean")),
    dict(id="QL11_tcn_dilation_backward", side="numpy",
         args=tcn(numpy_file="11_tcn_dilation_numpy.py"),
         mechanism="pair: the hand-written causal convolution's backward slices the input at k instead of k*d for "
                   "the weight gradient: the dilated (d = 2) second layer's W2 gradient correlates the output "
                   "gradient with the wrong, undilated taps (the forward pass and the d = 1 layer are right)",
         expected=("dilation", "dilated", "k * d", "k*d", "tap", "taps", "tap offset", "slice", "spacing",
                   "undilated", "dilation in the backward")),
    dict(id="QL12_tcn_residual_alias", side="numpy",
         args=tcn(numpy_file="12_tcn_alias_numpy.py"),
         mechanism="pair: the residual is built as h2 = h1 followed by h2 += tanh(z2), without .copy(): h2 is h1 "
                   "and the in-place add overwrites the first layer's activations, so the backward's tanh "
                   "derivative 1 - h1^2 uses h1 + a2 and the first layer's gradients are wrong (the forward is "
                   "right)",
         expected=("alias", "aliasing", "in-place", "in place", "copy", ".copy()", "overwrit", "same array",
                   "+=", "cached activation", "mutat", "shared memory", "same object")),
    dict(id="QL13_frames_unwindowed_grad", side="numpy",
         args=frames(numpy_file="13_frames_window_grad_numpy.py"),
         mechanism="pair: the first layer's weight gradient is taken against the raw frames instead of the "
                   "Hann-windowed frames that entered the layer: each tap's gradient misses its window weight "
                   "w[k] (zero at the frame's ends), so W1's gradient is wrong and the other gradients right",
         expected=("window", "windowed", "hann", "raw frames", "unwindowed", "wrong variable", "wrong input",
                   "taper", "cached input", "layer input", "window weight")),
    dict(id="QL14_sep_maxpool_no_mask", side="numpy",
         args=sep(numpy_file="14_sep_maxpool_grad_numpy.py"),
         mechanism="pair: the max pooling's backward repeats the gradient to both samples of each window, "
                   "np.repeat(dM, POOL), instead of routing it to the maximum only: the non-maximal samples get "
                   "gradient as if the pooling were a sum, so the pointwise and depthwise gradients are wrong",
         expected=("max pool", "max pooling", "maxpool", "mask", "argmax", "maximum", "route", "routing",
                   "np.repeat", "repeat", "every element", "sum pooling", "winner", "pooling backward")),
    dict(id="QL15_sep_momentum_dampened", side="numpy",
         args=sep(numpy_file="15_sep_momentum_numpy.py"),
         mechanism="pair: the momentum buffer is an exponential moving average, v = mu v + (1 - mu) g, instead of "
                   "torch's v = mu v + g: the buffer, and so every update, is (1 - mu) = 0.1 times torch's for the same "
                   "gradients, one constant factor for every parameter; the gradients are right",
         expected=("momentum", "dampening", "1 - mu", "(1 - mu)", "1 - momentum", "exponential moving average",
                   "moving average", "ema", "velocity", "buffer", "0.1", "beta")),
    dict(id="QL16_framenet_softmax_axis", side="numpy",
         args=numpy_net("16_framenet_softmax_net.py", "FrameNet", "--init", "FrameNet()", "--step",
                        "net.train_step(X, y)", *FRAME_NET),
         mechanism="the softmax normalises over the frames, e.sum(axis=0), instead of over the classes (axis=1): "
                   "each class's probabilities sum to one down the batch, so the probabilities, the loss and "
                   "the output delta (probs - y) / n are wrong",
         expected=("softmax", "axis", "axis=0", "axis=1", "normaliz", "normalis", "over the batch",
                   "over the frames", "over rows", "over the classes", "wrong axis", "denominator")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="QLC1_sliding_window_conv", side="correct",
         args=pair("conv_swv_numpy.py", "SwvConvClassifier", "conv_unfold_torch.py", "UnfoldConvClassifier",
                   "--data", CLIPS, *SWV_PARAMS),
         mechanism="pair: strided 1-D convolution classifier; NumPy: sliding_window_view strided by slicing, "
                   "einsum forward and weight gradient, a log-softmax loss, the head kept (out, in), updates "
                   "through getattr in place; port: raw Parameters, Tensor.unfold and einsum instead of Conv1d, "
                   "F.linear, set_to_none", expected=()),
    dict(id="QLC2_delay_tcn", side="correct",
         args=pair("tcn_shift_numpy.py", "ShiftTCN", "tcn_trim_torch.py", "TrimTCN", "--data", FILTER,
                   *SHIFT_PARAMS),
         mechanism="pair: causal dilated TCN with a residual; NumPy: each causal tap a delayed copy with zeros "
                   "shifted in, the backward advancing the gradient, weights and biases in two lists; port: "
                   "symmetric Conv1d padding with the right end cut off, an nn.ModuleList, the 1x1 readout "
                   "through F.conv1d on raw Parameters", expected=()),
    dict(id="QLC3_frames_as_time_port", side="correct",
         args=port("correct_frames_as_time_port.py", "Net", *OPT, *FRAME_NET),
         mechanism="port: the batch of frames laid out as one sequence (1, features, frames) and each dense layer "
                   "a 1x1 F.conv1d with the nn.Linear weight given a kernel axis, the cross-entropy as logsumexp "
                   "minus the gathered logit; the kit's NumPy network", expected=()),
]
