"""Twenty-sixth fresh held-out set for the diagnosis: one planted bug per program in fresh26/
(eight PyTorch ports, five of them checked against a NumPy program of their own, and eight NumPy
programs, five of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is the torch idioms people copy from tutorials and the docs into
their ports (nn.Sequential and ModuleList containers, the functional API, custom
torch.autograd.Function, module hooks, parameter groups with their own settings, learning-rate
schedulers, gradient clipping, nn.Embedding options), and NumPy programs with vectorisation
slips (the axis of a reduction or a scan, an array template of the wrong dtype, a function that
means something else on a 2-d batch, in-place writes through aliased buffers, np.roll).
fresh26/make_data.py writes the pairs' data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh26_cases

Each case:
    id          short name (prefixed OY)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh24/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference) to pass (exit 0) under
the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh26/"
port, numpy_net = in_folder(F)

CURVE, BLOBS, TOKENS = F + "curve.npz", F + "blobs.npz", F + "tokens.npz"
SERIES, WAVES = F + "series.npz", F + "waves.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="OY01_tanh_classifier", side="port",
         args=port("01_tanh_classifier_port.py", "Net", "--data", "random:40,5",
                   "--hidden-activation", "tanh", "--loss", "bce", "--optimizer", "momentum",
                   "--momentum", "0.9", "--lr", "0.3"),
         mechanism="a full backward hook registered on both nn.Tanh modules to record gradient norms ends with "
                   "return grad_output instead of returning None: a backward hook's return value replaces "
                   "grad_input, so the gradient at each tanh's input is the gradient at its output, the tanh "
                   "derivative 1 - a^2 skipped in both hidden layers (the backward pass treats them as linear "
                   "while the forward pass applies tanh)",
         expected=("hook", "register_full_backward_hook", "backward hook", "grad_output", "grad_input",
                   "return value", "returns grad_output", "return none", "replaces", "tanh derivative",
                   "derivative of tanh", "1 - a^2", "1 - a**2", "1 - tanh", "skipped", "missing derivative",
                   "derivative missing", "as if linear", "treated as linear")),
    dict(id="OY02_relu_softmax", side="port",
         args=port("02_relu_softmax_port.py", "Net", "--torch-optimizer", "model.configure_optimizers(lr)",
                   "--data", "random:45,4,3", "--batch-size", "15", "--hidden-activation", "relu",
                   "--output-activation", "softmax", "--loss", "ce", "--optimizer", "momentum",
                   "--momentum", "0.9", "--lr", "0.1"),
         mechanism="the port keeps a 'constant for now' schedule, torch.optim.lr_scheduler.ConstantLR(optimizer), "
                   "whose defaults are factor=1/3 and total_iters=5: the learning rate is lr / 3 for the first "
                   "five updates and jumps back to lr afterwards, where the NumPy network uses lr throughout",
         expected=("constantlr", "constant lr", "factor", "1/3", "one third", "a third", "0.333", "total_iters",
                   "first five", "first 5", "five steps", "5 steps", "lr / 3", "lr/3", "scheduler", "schedule",
                   "warm-up", "warmup", "default")),
    dict(id="OY03_softmax_classifier", side="port",
         args=port("03_softmax_classifier_port.py", "Net", "--data", "random:48,6,4", "--batch-size", "16",
                   "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "adam", "--lr", "0.01"),
         mechanism="the cross-entropy is written as F.kl_div(log_softmax(z), y, reduction='batchmean') with "
                   "log_target=True (kept from distillation code whose teacher targets are log-probabilities): the "
                   "one-hot targets are read as log-probabilities, target weights exp(y) = e for the label and 1 for "
                   "every other class, so the logit gradient is (p (e + K - 1) - exp(y)) / n instead of (p - y) / n",
         expected=("log_target", "log-target", "log target", "kl_div", "kl divergence", "log-probabilities",
                   "log probabilities", "exp(y)", "exp(target)", "e for the label", "targets read as log",
                   "treated as log", "one-hot", "distillation", "soft targets")),
    dict(id="OY04_curve_regressor", side="port",
         args=pair("04_curve_regressor_numpy.py", "CurveRegressor", "04_curve_regressor_torch.py", "CurveRegressor",
                   "--data", CURVE,
                   *params("params['W1']=net.0.weight.T", "params['b1']=net.0.bias",
                           "params['W2']=net.2.weight.T", "params['b2']=net.2.bias",
                           "params['W3']=net.4.weight.T", "params['b3']=net.4.bias")),
         mechanism="pair: the port's ExponentialLR is stepped with scheduler.step(loss.item()), the call kept from "
                   "the ReduceLROnPlateau it replaced: a value passed to a non-plateau scheduler's step() is taken as "
                   "the epoch, so the rate is set to LR0 * GAMMA ** loss (the current loss as the exponent) instead of "
                   "LR0 * GAMMA ** t (equal on step 1)",
         expected=("step(loss", "scheduler.step(", "epoch argument", "as the epoch", "epoch", "reducelronplateau",
                   "plateau", "exponentiallr", "gamma ** loss", "gamma^loss", "loss as the exponent", "exponent",
                   "deprecated", "closed form", "learning rate schedule", "scheduler")),
    dict(id="OY05_cluster_classifier", side="port",
         args=pair("05_cluster_classifier_numpy.py", "ClusterClassifier", "05_cluster_classifier_torch.py",
                   "ClusterClassifier", "--data", BLOBS,
                   *params("W1=hidden.weight.T", "b1=hidden.bias", "W2=out.weight.T", "b2=out.bias")),
         mechanism="pair: the port's hand-written global-norm clipping scales torch.cat([g.flatten() ...]), a new "
                   "tensor (cat copies), in place instead of the gradients themselves: the norm is computed but "
                   "p.grad is never rescaled, so the port steps with the unclipped gradients where the NumPy "
                   "program rescales them to a global norm of at most 2",
         expected=("torch.cat", "cat copies", "copy", "not a view", "new tensor", "never rescaled",
                   "not rescaled", "unclipped", "not clipped", "clipping has no effect", "clip", "global norm",
                   "max_norm", "gradient norm", "in place", "in-place")),
    dict(id="OY06_blob_classifier", side="port",
         args=pair("06_blob_classifier_numpy.py", "BlobClassifier", "06_blob_classifier_torch.py", "BlobClassifier",
                   "--data", BLOBS, "--batch-size", "20",
                   *params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                           "params['b2']=fc2.bias")),
         mechanism="pair: the port's biases have their own parameter group at lr_mult = 2 times the rate, but the "
                   "hand-written decay loop assigns group['lr'] = LR0 / (1 + DECAY t) to every group, overwriting the "
                   "group's own rate: from the first step the biases learn at the weights' rate, half the NumPy "
                   "program's (the weights are right)",
         expected=("param_groups", "parameter group", "param group", "lr_mult", "overwrit", "every group",
                   "all groups", "same learning rate", "bias learning rate", "biases' learning rate",
                   "bias rate", "half", "factor 2", "factor of 2", "twice", "2x", "bias", "multiplier")),
    dict(id="OY07_gelu_classifier", side="port",
         args=pair("07_gelu_classifier_numpy.py", "GeluClassifier", "07_gelu_classifier_torch.py",
                   "GeluClassifier", "--data", BLOBS,
                   *params("W[0]=layers.0.weight.T", "b[0]=layers.0.bias", "W[1]=layers.1.weight.T",
                           "b[1]=layers.1.bias", "W[2]=layers.2.weight.T", "b[2]=layers.2.bias")),
         mechanism="pair: the port's tanh-approximate GELU is a custom torch.autograd.Function whose backward "
                   "differentiates the inner polynomial sqrt(2/pi) (z + 0.044715 z^3) as sqrt(2/pi) (1 + 0.044715 z^2), "
                   "the power rule's factor 3 lost (3 * 0.044715 z^2 = 0.134145 z^2): the GELU derivative is off by "
                   "0.5 z (1 - t^2) sqrt(2/pi) 2 * 0.044715 z^2 in both hidden layers; the forward is right",
         expected=("power rule", "factor 3", "factor of 3", "3 * 0.044715", "3 * a", "0.134145", "0.134",
                   "z ** 2", "z^2", "z²", "derivative of z^3", "derivative of the cubic", "inner derivative",
                   "gelu derivative", "derivative of gelu", "gelu", "autograd.function", "custom function",
                   "custom backward", "backward")),
    dict(id="OY08_token_classifier", side="port",
         args=pair("08_token_classifier_numpy.py", "TokenClassifier", "08_token_classifier_torch.py",
                   "TokenClassifier", "--data", TOKENS, "--batch-size", "16",
                   *params("E=embedding.weight", "W1=hidden.weight.T", "b1=hidden.bias", "W2=out.weight.T",
                           "b2=out.bias")),
         mechanism="pair: the port's nn.Embedding is built with scale_grad_by_freq=True (from word2vec code): each "
                   "embedding row's gradient is divided by how often its token occurs in the mini-batch, where the "
                   "NumPy program adds every occurrence's contribution (np.add.at) unscaled",
         expected=("scale_grad_by_freq", "frequency", "frequencies", "occurrences", "how often", "count",
                   "divided by the number of times", "inverse frequency", "repeated tokens", "nn.embedding",
                   "embedding gradient", "embedding row")),
]


CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="OY09_relu_softmax_net", side="numpy",
         args=numpy_net("09_relu_softmax_net.py", "ReluSoftmaxNet", "--init", "ReluSoftmaxNet()",
                        "--step", "net.train_step(X, y)", "--data", "random:48,6,3", "--batch-size", "16",
                        "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                        "--lr", "0.05"),
         mechanism="the ReLU backward helper makes its output with np.zeros_like(active), a template of the boolean "
                   "mask, so d_z is a bool array: the upstream gradients written into it become True (1) wherever "
                   "they are non-zero, whatever their size or sign; the hidden delta is the 0/1 indicator of active "
                   "units with a non-zero gradient instead of the gradient itself (and b1's gradient a count)",
         expected=("zeros_like", "bool", "boolean", "dtype", "template", "mask", "true", "0/1", "ones",
                   "sign lost", "magnitude lost", "cast", "truncat", "indicator", "relu backward",
                   "relu_backward", "np.zeros_like(d_out)")),
    dict(id="OY10_tanh_softmax_net", side="numpy",
         args=numpy_net("10_tanh_softmax_net.py", "TanhSoftmaxNet", "--init", "TanhSoftmaxNet()",
                        "--step", "net.train_step(X, y)", "--data", "random:45,5,3",
                        "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce",
                        "--optimizer", "adam", "--lr", "0.02"),
         mechanism="the number of examples is counted from the one-hot targets as y.sum(axis=0), the count of each "
                   "class, instead of y.sum(): the logit gradient (p - y) is divided column by column by that "
                   "class's count in the batch (about n / 3) instead of by n, a different factor for every class",
         expected=("axis=0", "axis 0", "y.sum()", "per class", "per-class", "each class", "class count",
                   "class counts", "count of each class", "column", "broadcast", "instead of n", "number of examples",
                   "number of rows", "batch size")),
    dict(id="OY11_jacobian_softmax_net", side="numpy",
         args=numpy_net("11_jacobian_softmax_net.py", "JacobianSoftmaxNet", "--init", "JacobianSoftmaxNet()",
                        "--step", "net.train_step(X, y)", "--data", "random:40,5,3", "--batch-size", "8",
                        "--output-activation", "softmax", "--loss", "ce-sum", "--optimizer", "ema-momentum",
                        "--momentum", "0.9", "--lr", "0.1"),
         mechanism="the batched softmax Jacobian diag(p) - p p^T takes its diagonal part from np.diag(p), which for "
                   "the 2-d (n, 3) batch returns the array's diagonal p[j, j] (a (3,) vector from the first three "
                   "rows) instead of building each example's diagonal matrix: broadcast, every example's Jacobian "
                   "gets p[j, j] of row j in every row of column j, so the logit gradient is wrong for every example",
         expected=("np.diag", "diag(p)", "diagonal", "2-d", "2d", "returns the diagonal", "extracts the diagonal",
                   "diagonal matrix", "jacobian", "broadcast", "np.eye", "p[j, j]", "first rows", "batched",
                   "per-example", "per example")),
    dict(id="OY12_token_window", side="numpy",
         args=pair("12_token_window_numpy.py", "TokenWindowNet", "12_token_window_torch.py", "TokenWindowNet",
                   "--data", TOKENS, "--batch-size", "16",
                   *params("params['E']=tokens.weight", "params['P']=positions", "params['W1']=hidden.weight.T",
                           "params['b1']=hidden.bias", "params['W2']=out.weight.T", "params['b2']=out.bias")),
         mechanism="pair: the position table's gradient is summed over axis=(0, 1), the batch and the positions (as "
                   "for a bias shared across positions), instead of axis=0 only: a (4,) vector broadcast onto all 5 "
                   "rows of P, so every position takes the same step, the sum of all positions' gradients",
         expected=("axis=(0, 1)", "axis=(0,1)", "axis=0", "positions", "position table", "positional",
                   "every position", "all positions", "same step", "same gradient", "broadcast", "summed over",
                   "sum over the positions", "reduction", "wrong axis")),
    dict(id="OY13_trend_regressor", side="numpy",
         args=pair("13_trend_regressor_numpy.py", "TrendRegressor", "13_trend_regressor_torch.py", "TrendRegressor",
                   "--data", WAVES, "--batch-size", "10",
                   *params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias",
                           "params['W2']=out.weight.T", "params['b2']=out.bias")),
         mechanism="pair: the running-mean features take np.cumsum(X, axis=0), a cumulative sum down the batch (the "
                   "rows, a time-major habit), instead of axis=1 along each signal's samples: row i's feature at "
                   "position t is the sum of x[0..i, t] over the first i + 1 rows of the batch divided by t + 1, so "
                   "the features mix different examples instead of averaging x[i, 0..t]",
         expected=("cumsum", "axis=0", "axis 0", "axis=1", "batch axis", "down the batch", "across the batch",
                   "over the rows", "across rows", "other examples", "different examples", "time-major",
                   "running mean", "cumulative", "wrong axis")),
    dict(id="OY14_series_rnn", side="numpy",
         args=pair("14_series_rnn_numpy.py", "SeriesRNN", "14_series_rnn_torch.py", "SeriesRNN",
                   "--data", SERIES, "--batch-size", "10",
                   *params("Wx=x2h.weight.T", "b=x2h.bias", "Wh=h2h.weight.T", "Wy=readout.weight.T",
                           "by=readout.bias")),
         mechanism="pair: the recurrence writes each new state into the same buffer, h[:] = tanh(...), while the list "
                   "of states keeps references to it: every entry, h_0 included, is the final state h_T, so back-"
                   "propagation through time uses h_T for every step's tanh derivative and for Wh's gradient (the "
                   "forward output is right)",
         expected=("h[:]", "in place", "in-place", "same buffer", "same array", "alias", "references",
                   "reference", "overwrit", "final state", "last state", "every state", "all states", "h_0",
                   "bptt", "through time", "copy")),
    dict(id="OY15_wave_convnet", side="numpy",
         args=pair("15_wave_convnet_numpy.py", "WaveConvNet", "15_wave_convnet_torch.py", "WaveConvNet",
                   "--data", WAVES,
                   *params("params['K']=kernel", "params['bK']=kernel_bias", "params['V']=readout.weight.T",
                           "params['c']=readout.bias")),
         mechanism="pair: the previous-sample input of the causal kernel is made with np.roll(X, 1, axis=1), which "
                   "wraps around: at t = 0 the 'previous' sample is the signal's last one, x[T - 1], instead of the "
                   "zero padding (np.pad ... [:, :-1], F.pad in the port)",
         expected=("np.roll", "roll", "wrap", "wraps around", "circular", "last sample", "x[t - 1]", "first position",
                   "t = 0", "zero pad", "zero-pad", "padding", "np.pad", "shift")),
    dict(id="OY16_residual_classifier", side="numpy",
         args=pair("16_residual_classifier_numpy.py", "ResidualClassifier", "16_residual_classifier_torch.py",
                   "ResidualClassifier", "--data", BLOBS, "--batch-size", "20",
                   *params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                           "params['b2']=fc2.bias", "params['W3']=fc3.weight.T", "params['b3']=fc3.bias")),
         mechanism="pair: relu_backward writes dZ = dA without the course's copy (np.array(dA, copy=True)) and zeroes "
                   "dZ[Z <= 0] in place, which also zeroes the caller's dA: in the residual block dH2 is masked by "
                   "the block's ReLU, so the skip path carries dH2 * (Z2 > 0) instead of dH2 to h1: W1 and b1 get "
                   "wrong gradients (W2, b2, W3 and b3 are right)",
         expected=("copy", "copy=true", "np.array(da, copy=true)", "alias", "in place", "in-place", "modifies da",
                   "skip", "residual", "identity path", "shortcut", "masked", "relu mask", "relu_backward")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="OY17_logit_classifier", side="correct",
         args=port("correct_01_logit_classifier_port.py", "Net", *OPT, "--data", "random:40,5",
                   "--hidden-activation", "tanh", "--loss", "bce", "--optimizer", "nesterov",
                   "--momentum", "0.9", "--lr", "0.2"),
         mechanism="port: Linear layers in an nn.ModuleList, tanh as a custom autograd.Function saving its output "
                   "(backward grad (1 - y)(1 + y)), a full backward hook on the head that only records (returns "
                   "None), clip_grad_norm_ with max_norm=inf to measure the norm, SGD(nesterov) over two parameter "
                   "groups with the same settings, summed BCE with logits divided by the batch size, "
                   "zero_grad(set_to_none=False); the kit's NumPy network", expected=()),
    dict(id="OY18_indexed_softmax_net", side="correct",
         args=numpy_net("correct_02_indexed_softmax_net.py", "IndexedSoftmaxNet", "--init", "IndexedSoftmaxNet()",
                        "--step", "net.train_step(X, y)", "--data", "random:48,6,3", "--batch-size", "12",
                        "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                        "--optimizer", "adam", "--lr", "0.01",
                        *params("layers[0]['W']=W1", "layers[0]['b']=b1", "layers[1]['W']=W2",
                                "layers[1]['b']=b2", "layers[2]['W']=W3", "layers[2]['b']=b3")),
         mechanism="NumPy: integer labels from argmax, log-softmax by np.logaddexp.reduce with keepdims, the label's "
                   "log-probability read with np.take_along_axis and the gradient's -1 written with "
                   "np.put_along_axis, (1, h) biases summed with np.add.reduce(keepdims=True), layers as a list of "
                   "dicts, Adam's moments as tuples updated in place with np.multiply(out=) and the parameters with "
                   "np.subtract(out=); against the kit's twin", expected=()),
    dict(id="OY19_chunked_regressor", side="correct",
         args=pair("correct_03_chunked_regressor_numpy.py", "ChunkedRegressor", "correct_03_chunked_regressor_torch.py",
                   "ChunkedRegressor", "--data", CURVE, "--batch-size", "20",
                   *params("params['W1']=net.0.weight.T", "params['b1']=net.0.bias", "params['W2']=net.2.weight.T",
                           "params['b2']=net.2.bias")),
         mechanism="pair: gradient accumulation over unequal micro-batches (np.array_split against tensor_split, "
                   "each weighted by its share of the batch), global-norm clipping at 0.5 (by hand against "
                   "clip_grad_norm_), heavy-ball momentum with an exponentially decaying rate (by hand against "
                   "ExponentialLR)", expected=()),
]
