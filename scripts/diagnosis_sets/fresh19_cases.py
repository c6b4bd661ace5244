"""Nineteenth fresh held-out set for the diagnosis: one planted bug per program in fresh19/ (eight
PyTorch ports, five of them checked against a NumPy program of their own, and eight NumPy
programs, five of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is networks beyond two dense layers: deeper MLPs and multi-class
heads (checked with the kit's own flags), embeddings, 1-d convolutions, recurrent nets, layer and
batch normalisation and residual blocks (checked as pairs, both programs as written). The bugs
sit in those layers' forward passes, their hand-written backward passes and their ports
(nn.Embedding, nn.Conv1d, nn.RNN, nn.BatchNorm1d and their arguments). Data sets of the pairs:
fresh19/make_data.py. Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh19_cases

Each case:
    id          short name (prefixed D)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh18/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference) to pass (exit 0) under
the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh19/"
port, numpy_net = in_folder(F)
TOKENS, SERIES, SIGNALS, TABLE = F + "tokens.npz", F + "series.npz", F + "signals.npz", F + "table.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="D01_deep_relu_classifier", side="port",
         args=port("01_deep_relu_classifier_port.py", "Net", "--data", "random:48,5,4", "--batch-size", "16",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--lr", "0.5"),
         mechanism="the port's forward soft-caps its logits, SOFTCAP * tanh(logits / SOFTCAP) with SOFTCAP = 30 (kept "
                   "from Gemma-2-style LLM code), before F.cross_entropy: the softmax sees 30 tanh(z / 30) instead of "
                   "the raw logits z of the three-hidden-layer ReLU network, and every logit gradient is multiplied by "
                   "1 - tanh^2(z / 30)",
         expected=("soft-cap", "softcap", "soft cap", "capping", "capped", "logit cap", "tanh(z / 30)", "tanh(z/30)",
                   "tanh(logits", "30 * tanh", "30 tanh", "squash", "squashed", "saturat", "logits compressed",
                   "logits scaled", "gemma", "1 - tanh")),
    dict(id="D02_four_layer_tanh", side="port",
         args=port("02_four_layer_tanh_port.py", "Net", *OPT, "--data", "random:40,6,2",
                   "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "mse",
                   "--optimizer", "adam", "--lr", "0.01"),
         mechanism="make_optimizer builds one Adam parameter group per layer with layer-wise learning-rate decay "
                   "(LLRD, from fine-tuning recipes), lr * 0.8 ** depth counted from the head: the output layer "
                   "steps at lr, fc3 at 0.8 lr, fc2 at 0.64 lr, fc1 at 0.512 lr, where the NumPy network's Adam uses "
                   "one rate for every layer",
         expected=("layer-wise", "layerwise", "layer wise", "per-layer", "per layer", "llrd", "learning-rate decay",
                   "learning rate decay", "lr decay", "0.8", "0.64", "0.512", "param group", "parameter group",
                   "different learning rate", "learning rate per", "lower layers", "depth")),
    dict(id="D03_tanh_softmax", side="port",
         args=port("03_tanh_softmax_port.py", "Net", "--data", "random:45,4,3", "--batch-size", "15",
                   "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce-sum",
                   "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.02"),
         mechanism="the port's nn.Sequential ends in nn.Softmin(dim=1) (autocomplete's neighbour of nn.Softmax): the "
                   "output is softmin(z) = softmax(-z), the probabilities of the negated logits, so the summed "
                   "cross-entropy trains the network towards the opposite logits",
         expected=("softmin", "softmax(-z)", "softmax(-logits)", "softmax of -z", "negated logits", "negative logits",
                   "logits negated", "minus the logits", "-z", "sign of the logits", "instead of softmax",
                   "not softmax", "autocomplete", "typo", "opposite")),
    dict(id="D04_token_classifier", side="port",
         args=pair("04_token_classifier_numpy.py", "TokenClassifier", "04_token_classifier_torch.py",
                   "TokenClassifier", "--data", TOKENS, "--batch-size", "16"),
         mechanism="pair: the port's nn.Embedding(vocab, dim, padding_idx=0), copied from NLP code where id 0 is "
                   "padding: here token 0 is a real token, but the padding row gets no gradient, so the port never "
                   "updates emb.weight[0] (nor its momentum) while the NumPy program trains that row like any other",
         expected=("padding_idx", "padding idx", "padding index", "padding", "pad token", "row 0", "token 0",
                   "index 0", "id 0", "first row", "emb.weight[0]", "zero gradient", "no gradient", "never updated",
                   "not updated", "frozen", "embedding row")),
    dict(id="D05_sequence_regressor", side="port",
         args=pair("05_sequence_regressor_numpy.py", "SequenceRegressor", "05_sequence_regressor_torch.py",
                   "SequenceRegressor", "--data", SERIES,
                   *params("W_ih=rnn.weight_ih_l0", "W_hh=rnn.weight_hh_l0", "b_ih=rnn.bias_ih_l0",
                           "b_hh=rnn.bias_hh_l0", "W_out=out.weight", "b_out=out.bias")),
         mechanism="pair: the port's nn.RNN is built without batch_first=True and fed the batch-first (n, T, 3) "
                   "tensor: torch reads it as (seq_len, batch, features), so the recurrence runs across the n samples "
                   "as if they were time steps, for 6 'sequences' (one per time step), and states[:, -1] reads the "
                   "last of those 6 at every position, where the NumPy program runs over the 6 time steps of each "
                   "sample",
         expected=("batch_first", "batch first", "batch-first", "(seq_len, batch", "seq_len", "sequence length",
                   "time axis", "time dimension", "batch axis", "batch dimension", "axes swapped", "swapped axes",
                   "dimensions swapped", "transpos", "layout", "time-major", "(t, n")),
    dict(id="D06_signal_cnn", side="port",
         args=pair("06_signal_cnn_numpy.py", "SignalCNN", "06_signal_cnn_torch.py", "SignalCNN",
                   "--data", SIGNALS, "--batch-size", "12"),
         mechanism="pair: the port's nn.Conv1d(c_in, c_out, kernel_size=3, padding=1) zero-pads each signal ('same' "
                   "convolution, 12 output positions) where the NumPy program's convolution is valid (no padding, "
                   "10 positions); the global average pooling hides the length difference, but the two border "
                   "positions see zeros and the mean is over 12 instead of 10",
         expected=("padding", "padded", "zero-pad", "zero pad", "pad=1", "padding=1", "same padding",
                   "'same'", "valid", "border", "edge", "boundary", "12 positions", "output length", "length 12",
                   "12 instead of 10", "10 positions")),
    dict(id="D07_batchnorm_mlp", side="port",
         args=pair("07_batchnorm_mlp_numpy.py", "BatchNormMLP", "07_batchnorm_mlp_torch.py", "BatchNormMLP",
                   "--data", TABLE, "--batch-size", "16",
                   *params("W1=fc1.weight.T", "gamma=bn.weight", "beta=bn.bias", "W2=fc2.weight.T", "b2=fc2.bias",
                           "W3=fc3.weight.T", "b3=fc3.bias")),
         mechanism="pair: the port's nn.BatchNorm1d(hidden, eps=1e-3) (Keras's default epsilon) where the NumPy "
                   "program normalises with eps = 1e-5 (torch's default): the normalised activations are "
                   "(z - mean) / sqrt(var + 0.001) instead of / sqrt(var + 0.00001), slightly smaller for every unit",
         expected=("eps", "epsilon", "1e-3", "0.001", "1e-5", "1e-05", "0.00001", "keras", "sqrt(var + eps)",
                   "variance epsilon", "batchnorm1d", "batch norm", "batchnorm", "normalis", "normaliz")),
    dict(id="D08_residual_mlp", side="port",
         args=pair("08_residual_mlp_numpy.py", "ResidualMLP", "08_residual_mlp_torch.py", "ResidualMLP",
                   "--data", "random:40,6,2",
                   *params("params['W_in']=inp.weight.T", "params['b_in']=inp.bias",
                           "params['W_res0']=blocks.0.fc.weight.T", "params['b_res0']=blocks.0.fc.bias",
                           "params['W_res1']=blocks.1.fc.weight.T", "params['b_res1']=blocks.1.fc.bias",
                           "params['W_out']=head.weight.T", "params['b_out']=head.bias")),
         mechanism="pair: the port's residual block applies the ReLU after the skip addition, relu(x + fc(x)) (the "
                   "original ResNet's post-activation order), where the NumPy program's block is x + relu(x W + b): "
                   "negative sums are zeroed and the identity path passes through the ReLU",
         expected=("relu(x + ", "relu(h + ", "after the addition", "after the add", "after the skip",
                   "after the residual", "post-activation", "post activation", "pre-activation", "x + relu",
                   "h + relu", "order", "skip connection", "identity path", "residual", "outside the block",
                   "inside the block")),
    # ------------------------------------------------------------------ NumPy networks
    dict(id="D09_bag_of_tokens", side="numpy",
         args=pair("09_bag_of_tokens_numpy.py", "BagOfTokens", "09_bag_of_tokens_torch.py", "BagOfTokens",
                   "--data", TOKENS, "--batch-size", "16"),
         mechanism="pair: the embedding gradient is scattered with dE[tokens] += demb: NumPy's buffered fancy-index "
                   "+= writes each repeated index once (the last write wins), so a token occurring several times in "
                   "the batch gets one occurrence's gradient instead of the sum; np.add.at(dE, tokens, demb) "
                   "accumulates",
         expected=("add.at", "np.add.at", "fancy index", "fancy-index", "advanced index", "repeated index",
                   "repeated token", "duplicate", "duplicated", "repeats", "occurrence", "accumulat",
                   "not accumulated", "buffered", "last write", "scatter", "scatter-add", "index_add")),
    dict(id="D10_layernorm_mlp", side="numpy",
         args=pair("10_layernorm_mlp_numpy.py", "LayerNormMLP", "10_layernorm_mlp_torch.py", "LayerNormMLP",
                   "--data", TABLE,
                   *params("W1=fc1.weight.T", "b1=fc1.bias", "ln_gain=norm.weight", "ln_shift=norm.bias",
                           "W2=fc2.weight.T", "b2=fc2.bias")),
         mechanism="pair: the layer norm's backward keeps only the mean-subtraction term, dz = rstd (dxhat - "
                   "mean(dxhat)), and drops the variance path - xhat mean(dxhat * xhat): the gradient through the "
                   "per-sample standard deviation is missing, so W1 and b1 get the wrong gradient (the gain and shift "
                   "are right)",
         expected=("variance", "standard deviation", "std", "xhat * mean", "xhat mean", "x_hat", "xhat",
                   "missing term", "term missing", "dropped term", "third term", "mean(dxhat * xhat)",
                   "layer norm backward", "layernorm backward", "normalisation backward", "normalization backward",
                   "through the variance", "rstd")),
    dict(id="D11_signal_convnet", side="numpy",
         args=pair("11_signal_convnet_numpy.py", "SignalConvNet", "11_signal_convnet_torch.py", "SignalConvNet",
                   "--data", SIGNALS, "--batch-size", "12",
                   *params("K=conv.weight", "bK=conv.bias", "W=fc.weight.T", "b=fc.bias")),
         mechanism="pair: the forward convolution uses np.convolve, a true convolution that flips the kernel, where "
                   "torch's Conv1d (and the program's own backward, written with np.correlate) is a cross-correlation: "
                   "the forward applies K[o, c, ::-1], the kernel reversed in time",
         expected=("np.convolve", "convolve", "np.correlate", "correlate", "cross-correlation", "cross correlation",
                   "flip", "flipped", "reversed", "reverse", "[::-1]", "kernel order", "true convolution",
                   "mirror")),
    dict(id="D12_elman_forecaster", side="numpy",
         args=pair("12_elman_forecaster_numpy.py", "ElmanForecaster", "12_elman_forecaster_torch.py",
                   "ElmanForecaster", "--data", SERIES, "--batch-size", "10",
                   *params("Wx=x2h.weight.T", "b=x2h.bias", "Wh=h2h.weight.T", "Wy=readout.weight.T",
                           "by=readout.bias")),
         mechanism="pair: the RNN starts each forward pass from self.state, the last hidden state of the previous "
                   "call (kept for continuing a forecast), instead of h_0 = 0: the recurrence is stateful across "
                   "batches, each batch starting from another batch's final states (not back-propagated through), "
                   "while the port starts every sequence from zeros",
         expected=("stateful", "hidden state", "initial state", "initial hidden", "h_0", "h0", "zero state",
                   "zeros", "carried", "carry", "carries", "previous batch", "previous call", "last hidden state",
                   "self.state", "reset", "not reset", "persist")),
    dict(id="D13_residual_classifier", side="numpy",
         args=pair("13_residual_classifier_numpy.py", "ResidualClassifier", "13_residual_classifier_torch.py",
                   "ResidualClassifier", "--data", "random:40,5",
                   *params("W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias", "W3=fc3.weight.T",
                           "b3=fc3.bias")),
         mechanism="pair: in the post-activation residual block relu(h1 + h1 W2 + b2), the backward sends the skip "
                   "path's gradient around the ReLU, dh1 = dh2 + ds W2^T instead of ds + ds W2^T (ds = dh2 * "
                   "(s > 0)): the identity path skips the ReLU mask, so W1 and b1 get gradient from units the ReLU "
                   "switched off",
         expected=("skip", "identity", "residual", "shortcut", "relu mask", "mask", "(s > 0)", "dh2 + ",
                   "ds + ds", "around the relu", "bypass", "switched off", "inactive", "after the addition",
                   "post-activation", "w1", "b1")),
    dict(id="D14_deep_tanh_softmax", side="numpy",
         args=numpy_net("14_deep_tanh_softmax.py", "DeepTanhSoftmax", "--init", "DeepTanhSoftmax()",
                        "--step", "net.train_step(X, y)", "--data", "random:45,4,3", "--batch-size", "15",
                        "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce",
                        "--lr", "0.5"),
         mechanism="the row-wise softmax Jacobian is written np.diag(p) - p @ p.T with p a 1-d row: .T does nothing "
                   "to a 1-d array, so p @ p.T is the inner product sum(p^2), a scalar subtracted from every entry, "
                   "instead of the outer product np.outer(p, p) (the Jacobian diag(p) - p p^T)",
         expected=("outer", "np.outer", "inner product", "dot product", "p @ p.t", "1-d", "1d", "one-dimensional",
                   ".t does nothing", "transpose of a 1", "scalar", "sum(p^2)", "sum of squares", "jacobian",
                   "diag(p) - p p", "p p^t", "pp^t")),
    dict(id="D15_relu_softmax_classifier", side="numpy",
         args=numpy_net("15_relu_softmax_classifier.py", "ReluSoftmaxClassifier", "--init", "ReluSoftmaxClassifier()",
                        "--step", "net.train_step(X, y)", "--data", "random:48,5,4", "--batch-size", "12",
                        "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce-sum",
                        "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.02"),
         mechanism="the log-softmax's log-sum-exp takes np.log1p of the shifted sum instead of np.log: log(1 + sum "
                   "exp(z - m)), as if there were an extra class whose logit is the row max m; the probabilities "
                   "exp(z) / (exp(m) + sum exp(z)) sum to less than one and the delta p - y uses them",
         expected=("log1p", "np.log1p", "log(1 +", "1 + sum", "extra class", "additional class", "extra logit",
                   "do not sum to one", "don't sum to one", "sum to less", "log-sum-exp", "logsumexp",
                   "log sum exp", "normaliser", "normalizer", "instead of np.log", "instead of log")),
    dict(id="D16_deep_sigmoid_net", side="numpy",
         args=numpy_net("16_deep_sigmoid_net.py", "DeepSigmoidNet", "--init", "DeepSigmoidNet()",
                        "--step", "net.train_step(X, y)", "--data", "random:40,6", "--hidden-activation", "sigmoid",
                        "--loss", "bce", "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.5"),
         mechanism="the log-domain sigmoid derivative exp(log sigma(z) + log sigma(-z)) is typed with -z in both "
                   "logaddexp terms, exp(-logaddexp(0, -z) - logaddexp(0, -z)) = sigma(z)^2 instead of "
                   "sigma(z) (1 - sigma(z)), in all three hidden layers",
         expected=("sigma(z)^2", "σ(z)^2", "σ(z)²", "sigmoid(z)^2", "sigmoid squared", "squared sigmoid",
                   "sigma(-z)", "σ(-z)", "1 - sigma", "1 - σ", "logaddexp", "sign", "-z", "sigmoid derivative",
                   "derivative of the sigmoid", "sigmoid's derivative", "s * s", "a * a", "a^2")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="D17_strided_conv_maxpool", side="correct",
         args=pair("correct_01_strided_conv_maxpool_numpy.py", "StridedConvNet",
                   "correct_01_strided_conv_maxpool_torch.py", "StridedConvNet", "--data", SIGNALS,
                   "--batch-size", "12"),
         mechanism="pair: NumPy 1-d convolution over numpy.lib.stride_tricks.sliding_window_view windows with einsum "
                   "forward and weight gradient, global max pooling routed with take_along_axis / put_along_axis, "
                   "summed cross-entropy, Adam; against nn.Conv1d, .max(dim=2), F.cross_entropy with one-hot "
                   "probability targets (reduction='sum')", expected=()),
    dict(id="D18_port_per_sample_grads", side="correct",
         args=port("correct_02_port_per_sample_grads.py", "Net", "--data", "random:48,5,4", "--batch-size", "16",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="port: three ReLU hidden layers in an nn.ModuleList, per-sample gradients from "
                   "torch.func.vmap(grad(...)) over functional_call, averaged over the batch into each .grad by hand, "
                   "then the kit's Nesterov optimizer.step(); the loss reported after the step", expected=()),
    dict(id="D19_counts_embedding", side="correct",
         args=pair("correct_03_counts_embedding_numpy.py", "CountsBagClassifier",
                   "correct_03_counts_embedding_torch.py", "CountsBagClassifier", "--data", TOKENS,
                   "--batch-size", "16"),
         mechanism="pair: NumPy embedding bag as a count matrix (np.add.at over (row, token)) times the table, its "
                   "gradient C^T @ d; tanh, softmax cross-entropy, Nesterov in torch's form; against "
                   "nn.EmbeddingBag(mode='sum') and SGD(nesterov=True)", expected=()),
]
