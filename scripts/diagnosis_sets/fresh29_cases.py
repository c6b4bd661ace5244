"""Twenty-ninth fresh held-out set for the diagnosis: one planted bug per program in fresh29/
(eight PyTorch ports, five of them checked against a NumPy program of their own, and eight NumPy
programs, four of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is programs from well-known tutorials, course assignments and
from-scratch blog posts, and their authors' or students' PyTorch ports: a makemore-style
character MLP (embedding table C[X], concatenation, tanh, cross-entropy through logsumexp, and the
'backprop ninja' exploded backward pass), the cs231n spiral net with L2 regularisation in the loss,
Andrew Ng's planar-data network and his step-by-step deep network (samples as columns), 'neural
network from scratch' programs with one class per layer (Dense / Activation / Loss objects with
forward and backward, the nnfs book's optimizer protocol), and Keras models ported to PyTorch
(Keras defaults and conventions mapped onto torch: fit's batch size, clipnorm, l2 regularisers,
the softmax axis). fresh29/make_data.py writes the data (chars, spiral, planar, curve).
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh29_cases

Each case:
    id          short name (prefixed PC; PCC for the correct programs)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh28/. Each buggy program was
checked to fail (exit 1) and its fix (the line marked `# fix:`, the only difference; for PC07 the
line indented into the loop) to pass (exit 0) under the same arguments; each correct program
passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh29/"
port, numpy_net = in_folder(F)

CHARS, SPIRAL, PLANAR, CURVE = F + "chars.npz", F + "spiral.npz", F + "planar.npz", F + "curve.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


CHAR_PARAMS = params("C=C", "W1=hidden.weight.T", "b1=hidden.bias", "W2=out.weight.T", "b2=out.bias")
SPIRAL_PARAMS = params("W=fc1.weight.T", "b=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PC01_char_mlp", side="port",
         args=pair("01_char_mlp_numpy.py", "CharMLP", "01_char_mlp_torch.py", "CharMLP", "--data", CHARS,
                   "--batch-size", "10", *CHAR_PARAMS),
         mechanism="pair: the makemore port's loss line, copied from seq2seq code, is F.cross_entropy(logits, labels, "
                   "ignore_index=0): character 0 is the '.' end-of-word token, a real target here, so every row whose "
                   "next character is '.' is dropped from the loss and the mean runs over the remaining rows only "
                   "(those rows get no gradient, the others (p - y) / n_kept instead of (p - y) / n)",
         expected=("ignore_index", "ignore index", "ignored", "padding", "pad token", "index 0", "class 0", "label 0", "end-of-word", "end token", "'.'", "dropped rows", "rows dropped", "excluded", "masked", "n_kept", "fewer rows", "mean over the remaining", "target 0")),
    dict(id="PC02_spiral_net", side="port",
         args=pair("02_spiral_net_numpy.py", "SpiralNet", "02_spiral_net_torch.py", "SpiralNet", "--data", SPIRAL,
                   "--batch-size", "15", *SPIRAL_PARAMS),
         mechanism="pair: the port's L2 penalty on W1 is typed 0.5 * REG * torch.sum(W1) ** 2, the square of the sum, "
                   "instead of torch.sum(W1 ** 2), the sum of squares: its gradient is REG * sum(W1) for every entry "
                   "of W1 (one uniform shift) instead of REG * W1 (W2's penalty, the data gradient and the biases "
                   "are right)",
         expected=("square of the sum", "sum of squares", "sum(w1) ** 2", "sum(w1)**2", "torch.sum(w1) ** 2", "parenthes", "l2 penalty", "l2 regular", "regularization", "regularisation", "weight decay", "uniform", "every entry", "same for every", "sum(w1)")),
    dict(id="PC03_planar_logit_port", side="port",
         args=port("03_planar_logit_port.py", "Net", "--data", PLANAR, "--hidden-activation", "tanh",
                   "--loss", "bce", "--lr", "1.2"),
         mechanism="the port's log-domain cross-entropy writes the negative class's term as F.logsigmoid(1 - z) instead of "
                   "F.logsigmoid(-z): the probability complement 1 - p carried over onto the logit, so the negative "
                   "rows' loss is -log sigmoid(1 - z) = softplus(z - 1) and their logit gradient sigmoid(z - 1) / n "
                   "instead of sigmoid(z) / n (the positive rows are right)",
         expected=("logsigmoid", "log_sigmoid", "1 - z", "complement", "logit", "log domain", "negative class", "negative rows", "y = 0", "shifted by 1", "sigmoid(z - 1)", "softplus(z - 1)", "cross-entropy", "bce", "1 - p", "binary cross")),
    dict(id="PC04_keras_fit_port", side="port",
         args=port("04_keras_fit_port.py", "Net", "--data", "random:40,4", "--hidden-activation", "relu",
                   "--loss", "bce", "--lr", "0.5"),
         mechanism="the port's Keras-style fit() helper keeps Keras's default batch_size=32: each training step on the "
                   "40-row batch runs an epoch of two updates, rows 0-31 then rows 32-39 (each its own mean BCE), "
                   "instead of one full-batch update, and returns the row-weighted mean of the two losses",
         expected=("batch_size", "batch size", "32", "default", "keras", "two updates", "2 updates", "mini-batch", "minibatch", "two mini-batches", "extra update", "second update", "8 rows", "40 rows", "epoch", "more than one update", "multiple updates")),
    dict(id="PC05_keras_clipnorm", side="port",
         args=pair("05_keras_clipnorm_numpy.py", "ClipNormNet", "05_keras_clipnorm_torch.py", "ClipNormNet",
                   "--data", CURVE, *params("params['W1']=net.0.weight.T", "params['b1']=net.0.bias",
                                            "params['W2']=net.2.weight.T", "params['b2']=net.2.bias")),
         mechanism="pair: Keras's SGD(clipnorm=0.5), which clips each variable's gradient separately to an L2 norm of "
                   "at most 0.5 (the NumPy program), is ported as nn.utils.clip_grad_norm_(model.parameters(), 0.5), "
                   "which rescales all gradients together by one factor to a global norm of 0.5: every tensor is "
                   "scaled by 0.5 / global norm instead of by 0.5 / its own norm",
         expected=("clipnorm", "clip_grad_norm_", "global norm", "global_clipnorm", "per-variable", "per variable", "per-tensor", "per tensor", "each tensor", "each variable", "separately", "one factor", "common factor", "clipping", "clip", "gradient norm", "keras", "max_norm")),
    dict(id="PC06_keras_softmax_port", side="port",
         args=port("06_keras_softmax_port.py", "Net", "--data", "random:45,4,3", "--hidden-activation", "tanh",
                   "--output-activation", "softmax", "--loss", "ce", "--lr", "0.5"),
         mechanism="the port maps Keras's layers.Softmax() (axis=-1, the classes) to nn.Softmax(dim=0): the softmax is "
                   "taken over the batch axis, each class column normalised across the 45 rows, so the "
                   "'probabilities' of a row do not sum to one and the negative log-likelihood and its gradients "
                   "couple different examples",
         expected=("dim=0", "dim 0", "axis=-1", "dim=-1", "dim=1", "wrong dimension", "wrong axis", "batch axis", "over the batch", "across the batch", "across rows", "columns", "softmax", "nn.softmax", "normalis", "normaliz", "do not sum to one", "sum to 1")),
    dict(id="PC07_scratch_layers", side="port",
         args=pair("07_scratch_layers_numpy.py", "ScratchNet", "07_scratch_layers_torch.py", "ScratchNet",
                   "--data", CURVE, "--batch-size", "6",
                   *params("network[0].weights=net.0.weight", "network[0].bias=net.0.bias",
                           "network[2].weights[:]=net.2.weight", "network[2].bias[:]=net.2.bias")),
         mechanism="pair: the port of the from-scratch online training zeroes the gradients inside the per-sample loop "
                   "but calls optimizer.step() once after it (the line dedented): each training step applies only the "
                   "last sample's gradient, once, instead of one update per sample as the NumPy layers do (and the "
                   "per-sample losses are all taken at the step's starting weights)",
         expected=("optimizer.step()", "step()", "indent", "dedent", "outside the loop", "after the loop", "inside the loop", "per sample", "per-sample", "each sample", "online", "stochastic", "last sample", "only the last", "one update", "single update", "zero_grad")),
    dict(id="PC08_keras_l2", side="port",
         args=pair("08_keras_l2_numpy.py", "KerasL2Net", "08_keras_l2_torch.py", "KerasL2Net", "--data", PLANAR,
                   *params("kernel1=net.0.weight.T", "bias1=net.0.bias", "kernel2=net.2.weight.T",
                           "bias2=net.2.bias")),
         mechanism="pair: Keras's kernel_regularizer=l2(0.05) adds 0.05 * sum(W^2) with no 1/2, whose gradient is "
                   "2 * 0.05 * W (the NumPy program), but the port gives the kernels' parameter group "
                   "weight_decay=L2 = 0.05 instead of 2 * L2: the decay term on both weight matrices is half the "
                   "NumPy program's (the biases, unregularised on both sides, are right)",
         expected=("kernel_regularizer", "l2", "keras", "weight_decay", "weight decay", "half", "factor 2", "factor of 2", "twice", "2 * l2", "no 1/2", "regulariz", "regularis", "penalty", "decay term", "2λ")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PC09_char_counts", side="numpy",
         args=pair("09_char_counts_numpy.py", "CharCounts", "09_char_counts_torch.py", "CharCounts", "--data", CHARS,
                   "--batch-size", "8", *CHAR_PARAMS),
         mechanism="pair: the makemore softmax is normalised as counts / counts.sum(axis=1) without keepdims=True: the "
                   "(8,) row sums broadcast along the last axis (it runs only because the batch of 8 rows equals the "
                   "8 characters), so probs[i, j] = counts[i, j] / sum of row j's counts instead of row i's; the loss "
                   "and the logit gradient probs - y are wrong for every row",
         expected=("keepdims", "keepdim", "broadcast", "sum(axis=1)", "sum(1)", "row sums", "wrong row", "column", "transposed", "normalis", "normaliz", "softmax", "do not sum to one", "square", "batch size equals", "8 rows", "makemore")),
    dict(id="PC10_spiral_reg", side="numpy",
         args=pair("10_spiral_reg_numpy.py", "SpiralReg", "10_spiral_reg_torch.py", "SpiralReg", "--data", SPIRAL,
                   "--batch-size", "15", *SPIRAL_PARAMS),
         mechanism="pair: the first layer's gradient is written (X.T @ dhidden + reg * W) / num_examples, the L2 term "
                   "put inside the division by the batch size: W's regularisation gradient is reg * W / 15 instead of "
                   "reg * W (W2's line, the loss and the biases are right)",
         expected=("regulariz", "regularis", "reg * w", "l2", "weight decay", "divided by", "num_examples", "batch size", "/ n", "/ 15", "15 times", "parenthes", "inside the division", "too weak", "penalty gradient")),
    dict(id="PC11_planar", side="numpy",
         args=pair("11_planar_numpy.py", "PlanarNet", "11_planar_torch.py", "PlanarNet", "--data", PLANAR,
                   *params("parameters['W1']=W1", "parameters['b1']=b1", "parameters['W2']=W2",
                           "parameters['b2']=b2")),
         mechanism="pair: after turning the rows into the course's column layout (X = X_rows.T, shape (2, m)) the number "
                   "of examples is read as m = X.shape[0], which is now the number of features (2), instead of "
                   "X.shape[1] = 40: the cost and every gradient are divided by 2 instead of by 40, 20 times too large",
         expected=("x.shape[0]", "x.shape[1]", "shape[0]", "shape[1]", "number of examples", "number of features", "m = 2", "features", "column layout", "columns", "transpos", "20 times", "factor 20", "divided by 2", "wrong axis", "batch size")),
    dict(id="PC12_scratch_sigmoid", side="numpy",
         args=numpy_net("12_scratch_sigmoid.py", "Network", "--init", "Network()", "--step", "net.train_step(X, y)",
                        "--data", "random:32,4", "--hidden-activation", "tanh", "--loss", "mse", "--lr", "0.5",
                        *params("layers[0].weights=W1", "layers[0].bias=b1", "layers[2].weights=W2",
                                "layers[2].bias=b2")),
         mechanism="mse_prime makes its gradient with grad = y_pred; grad -= y_true, an alias of the prediction array, "
                   "not a copy: the in-place subtraction also overwrites the Sigmoid layer's cached output, so its "
                   "backward uses s (1 - s) with s = p - y instead of p, and both layers' gradients are wrong (the "
                   "loss, computed first, is right)",
         expected=("alias", "copy", "in place", "in-place", "same array", "overwrit", "cached output", "cache", "mse_prime", "y_pred", "s = p - y", "p - y", "sigmoid derivative", "s (1 - s)", "s(1-s)", "sigmoid backward", "corrupt")),
    dict(id="PC13_nnfs_adam", side="numpy",
         args=numpy_net("13_nnfs_adam.py", "NNFSModel", "--init", "NNFSModel()", "--step", "net.train_step(X, y)",
                        "--data", "random:40,4", "--hidden-activation", "relu", "--loss", "bce",
                        "--optimizer", "adam", "--lr", "0.01", "--eps", "1e-7",
                        *params("dense1.weights=W1", "dense1.biases=b1", "dense2.weights=W2", "dense2.biases=b2")),
         mechanism="the nnfs training step ends with optimizer.pre_update_params() where post_update_params() belongs: the "
                   "iteration counter is never incremented, so Adam's bias corrections stay at step 1's, "
                   "m / (1 - beta1) and v / (1 - beta2), on every step (equal on step 1, then the first moment is "
                   "over-corrected by up to 10x and the second by up to 1000x)",
         expected=("post_update_params", "pre_update_params", "iterations", "iteration counter", "step counter", "t = 1", "t stays", "never incremented", "not incremented", "bias correction", "bias-correction", "1 - beta1", "1 - beta2", "adam", "timestep", "time step")),
    dict(id="PC14_validation_forward", side="numpy",
         args=numpy_net("14_validation_forward.py", "MonitoredNet", "--init", "MonitoredNet()",
                        "--step", "net.train_step(X, y)", "--data", "random:24,4", "--hidden-activation", "tanh",
                        "--loss", "bce", "--lr", "0.5",
                        *params("dense1.W=W1", "dense1.b=b1", "dense2.W=W2", "dense2.b=b2")),
         mechanism="the step logs a validation loss with self.forward(X_val) (the training forward that caches each "
                   "layer's input) between the training forward and the backward pass, instead of predict(): the "
                   "Dense layers' cached inputs are the validation batch's, so the weight gradients are "
                   "x_val.T @ d and h_val.T @ d (the training batch's deltas against the validation inputs)",
         expected=("validation", "x_val", "val_loss", "forward", "predict", "cache", "cached input", "overwrit", "second forward", "another forward", "between forward and backward", "stale", "wrong input", "inputs of another batch", "held-out", "self.x")),
    dict(id="PC15_ninja_mlp", side="numpy",
         args=pair("15_ninja_mlp_numpy.py", "NinjaMLP", "15_ninja_mlp_torch.py", "NinjaMLP", "--data", CHARS,
                   "--batch-size", "10", *CHAR_PARAMS),
         mechanism="pair: in the exploded softmax's backward pass the second contribution to dcounts (through counts_sum) "
                   "is assigned, dcounts = ones * dcounts_sum, instead of accumulated with +=: the direct path "
                   "counts_sum_inv * dprobs is lost, so the logit gradient becomes (p - onehot(argmax logits)) / n "
                   "instead of (p - y) / n",
         expected=("+=", "accumulat", "assigned", "assignment", "overwrit", "two branches", "both branches", "branch", "used twice", "dcounts", "counts_sum", "lost path", "missing term", "chain rule", "argmax", "backprop ninja", "softmax backward")),
    dict(id="PC16_deep_bce_sign", side="numpy",
         args=numpy_net("16_deep_bce_sign.py", "DeepNet", "--init", "DeepNet()", "--step", "net.train_step(X, y)",
                        "--data", "random:32,3", "--hidden-activation", "relu", "--loss", "bce", "--lr", "0.05",
                        *params("parameters['W1']=W1.T", "parameters['b1']=b1", "parameters['W2']=W2.T",
                                "parameters['b2']=b2", "parameters['W3']=W3.T", "parameters['b3']=b3")),
         mechanism="Ng's dAL, the derivative of the cross-entropy with respect to AL, is typed "
                   "-(Y / AL + (1 - Y) / (1 - AL)) instead of -(Y / AL - (1 - Y) / (1 - AL)): the negative-class term "
                   "has the wrong sign, so through the sigmoid the output delta is -(Y (1 - AL) + (1 - Y) AL) "
                   "instead of AL - Y",
         expected=("dal", "sign", "sign flip", "flipped sign", "+ instead of -", "(1 - y) / (1 - al)", "derivative of the cost", "cross-entropy derivative", "bce derivative", "negative class", "al - y", "a - y", "output delta", "sign error", "sign typo", "wrong sign")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="PCC1_onehot_chars", side="correct",
         args=pair("correct_01_onehot_chars_numpy.py", "OneHotChars", "correct_01_onehot_chars_torch.py",
                   "OneHotChars", "--data", CHARS, "--batch-size", "10",
                   *params("C=C", "W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias")),
         mechanism="pair: makemore-style MLP whose embedding is a one-hot matrix product (np.eye(V)[X] with np.einsum "
                   "against F.one_hot(X) @ C), its table gradient the transposed einsum, log-softmax by "
                   "np.logaddexp.reduce, heavy-ball momentum by hand against SGD(momentum=0.9), cross-entropy on "
                   "one-hot rows as class probabilities",
         expected=()),
    dict(id="PCC2_nnfs_softmax", side="correct",
         args=numpy_net("correct_02_nnfs_softmax.py", "NNFSSoftmaxModel", "--init", "NNFSSoftmaxModel()",
                        "--step", "net.train_step(X, y)", "--data", "random:45,5,3", "--batch-size", "15",
                        "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                        "--optimizer", "adam", "--lr", "0.02", "--eps", "1e-7",
                        *params("dense1.weights=W1", "dense1.biases=b1", "dense2.weights=W2", "dense2.biases=b2")),
         mechanism="NumPy: nnfs-style layer objects with (1, out) biases, the book's combined softmax / categorical "
                   "cross-entropy object (p - y on integer labels), Adam through pre_update_params / update_params / "
                   "post_update_params with epsilon 1e-7; against the kit's twin with --eps 1e-7, mini-batches",
         expected=()),
    dict(id="PCC3_keras_style_port", side="correct",
         args=port("correct_03_keras_style_port.py", "Net", *OPT, "--data", "random:40,4",
                   "--hidden-activation", "tanh", "--loss", "bce", "--optimizer", "momentum", "--momentum", "0.9",
                   "--lr", "0.1"),
         mechanism="port: a Keras-style nn.Module with compile() / train_on_batch(), layers registered by add_module in "
                   "a loop and fetched with getattr, BinaryCrossentropy(from_logits=True) as nn.BCEWithLogitsLoss, "
                   "Keras's SGD(momentum=0.9) as torch.optim.SGD(momentum=0.9), zero_grad(set_to_none=True); the kit's "
                   "heavy-ball momentum",
         expected=()),
]
