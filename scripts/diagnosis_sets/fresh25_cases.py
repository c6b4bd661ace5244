"""Twenty-fifth fresh held-out set for the diagnosis: one planted bug per program in fresh25/
(eight PyTorch ports, seven of them checked against a NumPy program of their own and one against
the kit's NumPy network; eight NumPy programs, five of them checked against a correct port of
their own and three against the kit's torch twin) and three correct programs in unusual styles.
The theme is hand-written NumPy networks in the styles of the well-known books and courses
(Neural Networks and Deep Learning's network.py and network2.py, the cs231n assignments, the
deep learning and machine learning courses' notebooks and exercises, Grokking Deep Learning,
Data Science from Scratch, Deep Learning from Scratch, micrograd, tutorial-style from-scratch
networks), each with its own backward pass and update, and their authors' own PyTorch ports.
The bugs sit on both sides: data handling and shapes, the forward pass, the loss and its
hand-derived gradient, the backward pass, the optimizer and its schedule, the update order, and
on the port side torch APIs and idioms used the wrong way. fresh25/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh25_cases

Each case:
    id          short name (prefixed OX)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh24/ and fresh26/. Each buggy
program was checked to fail (exit 1) and its fix (the bug line the only difference) to pass
(exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import in_folder

F = "scripts/diagnosis_sets/fresh25/"
port, numpy_net = in_folder(F)

THREE_CLASS, MOONS, QUANTILES, BINARY = F + "three_class.npz", F + "moons.npz", F + "quantiles.npz", F + "binary.npz"
REVIEWS, STREETLIGHTS, SURFACE = F + "reviews.npz", F + "streetlights.npz", F + "surface.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


def dict_params(prefix: str, *modules: str) -> list[str]:
    """params['W1']=fc1.weight.T, params['b1']=fc1.bias, ... for a NumPy dict of W1, b1, W2, b2, ..."""
    out = []
    for k, module in enumerate(modules, start=1):
        out += [f"{prefix}['W{k}']={module}.weight.T", f"{prefix}['b{k}']={module}.bias"]
    return params(*out)


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="OX01_two_layer_net", side="port",
         args=pair("01_two_layer_net_numpy.py", "TwoLayerNet", "01_two_layer_net_torch.py", "TwoLayerNet",
                   "--data", THREE_CLASS, "--batch-size", "15", *dict_params("params", "fc1", "fc2")),
         mechanism="pair: the port keeps the weights and the biases in two SGD parameter groups (weight decay "
                   "2 * reg on the weights only, as the assignment regularises no bias) and does the per-epoch "
                   "learning-rate decay by hand with optimizer.param_groups[0]['lr'] *= LEARNING_RATE_DECAY: only the "
                   "first group (the weights) decays; the biases keep the initial rate 0.2 where the NumPy program "
                   "multiplies its one rate by 0.9 after every epoch of 3 mini-batches (equal for the first 3 steps, "
                   "then the biases' steps are 1/0.9, 1/0.81, ... times too large)",
         expected=("param_groups[0]", "first parameter group", "first group", "only the first", "bias group",
                   "biases' group", "second group", "biases keep", "not decayed", "undecayed", "decay not applied",
                   "learning rate decay", "lr decay", "learning_rate_decay", "every group", "all groups",
                   "all parameter groups", "per epoch")),
    dict(id="OX02_moons_mlp", side="port",
         args=pair("02_moons_mlp_numpy.py", "MoonsMLP", "02_moons_mlp_torch.py", "MoonsMLP", "--data", MOONS,
                   *params("W[0]=layers.0.weight.T", "b[0]=layers.0.bias", "W[1]=layers.1.weight.T",
                           "b[1]=layers.1.bias", "W[2]=layers.2.weight.T", "b[2]=layers.2.bias")),
         mechanism="pair: the micrograd SVM max-margin loss mean(relu(1 - y * score)) is ported as "
                   "F.hinge_embedding_loss(scores, y), a different loss: for y = 1 it is the score x itself and only "
                   "for y = -1 is it max(0, margin - x), so the positive rows are pushed to ever lower scores and the "
                   "negative rows towards scores above 1, instead of both towards a margin of 1 on their correct side",
         expected=("hinge_embedding_loss", "hinge embedding", "embedding loss", "not the svm", "max-margin",
                   "max margin", "relu(1 - y", "1 - y * score", "1 - y*score", "margin", "y = 1", "positive rows",
                   "score itself", "the score x", "hinge loss", "wrong loss", "different loss")),
    dict(id="OX03_quantile_regressor", side="port",
         args=pair("03_quantile_regressor_numpy.py", "QuantileRegressor", "03_quantile_regressor_torch.py",
                   "QuantileRegressor", "--data", QUANTILES,
                   *params("W1=hidden.weight.T", "b1=hidden.bias", "W2=out.weight.T", "b2=out.bias")),
         mechanism="pair: the port's pinball loss takes the residual as err = pred - target where the NumPy program "
                   "has e = y - pred: max(q e, (q - 1) e) with the sign of e flipped is the pinball loss of the "
                   "1 - q = 0.1 quantile, so the port fits the 10th percentile instead of the 90th (the weights 0.9 "
                   "and 0.1 of under- and over-predictions exchanged)",
         expected=("pred - target", "target - pred", "y - pred", "pred - y", "residual", "sign", "flipped",
                   "reversed", "1 - q", "1-q", "0.1 quantile", "10th percentile", "90th percentile", "0.9 and 0.1",
                   "quantile", "pinball", "asymmetr", "swapped")),
    dict(id="OX04_linear_svm", side="port",
         args=pair("04_linear_svm_numpy.py", "LinearSVM", "04_linear_svm_torch.py", "LinearSVM",
                   "--data", THREE_CLASS, "--batch-size", "15", *params("W=fc.weight.T", "b=fc.bias")),
         mechanism="pair: the cs231n multiclass SVM loss (the sum over the wrong classes of max(0, s_j - s_y + 1), "
                   "averaged over the examples) is ported as F.multi_margin_loss(scores, labels), which also divides "
                   "each example's sum by the number of classes C = 3: the hinge part of the loss and of every "
                   "gradient is a third of the NumPy program's (the reg * ||W||^2 term is right)",
         expected=("multi_margin_loss", "multi-margin", "multi margin", "number of classes",
                   "divided by the number of classes", "/ c", "x.size(1)", "1/3", "a third", "one third", "3 times",
                   "factor 3", "factor of 3", "×3", "3x", "hinge", "svm", "mean over the classes",
                   "averaged over the classes")),
    dict(id="OX05_planar_classifier", side="port",
         args=port("05_planar_classifier_port.py", "Net", "--data", "random:40,3", "--batch-size", "10",
                   "--hidden-activation", "tanh", "--loss", "bce", "--lr", "0.5"),
         mechanism="the port keeps one cross-entropy per example (reduction='none') and back-propagates them with "
                   "costs.backward(torch.ones_like(costs)): a gradient of ones is the gradient of the sum over the "
                   "examples, so every gradient is the batch size (10) times the mean cost's that the NumPy network "
                   "follows (costs.mean().backward() meant)",
         expected=("ones_like", "backward(torch.ones", "gradient of ones", "grad_outputs", "reduction='none'",
                   'reduction="none"', "per-example", "per example", "sum instead of mean", "sum over the examples",
                   "summed", "not averaged", "mean()", "batch size", "10 times", "factor 10", "10x", "×10",
                   "n times")),
    dict(id="OX06_ex4_network", side="port",
         args=pair("06_ex4_network_numpy.py", "Ex4Network", "06_ex4_network_torch.py", "Ex4Network",
                   "--data", THREE_CLASS, *params("Theta1=theta1.weight", "Theta2=theta2.weight")),
         mechanism="pair: ex4 keeps the bias weights in the first column of Theta1 (a1 = [ones(m, 1) X]); the port "
                   "appends the column of ones after the inputs, torch.cat([x, ones]), so every input column meets "
                   "the next column of Theta1: the bias column multiplies the first feature, each feature's weights "
                   "the following feature, and the last feature's column acts as the bias (the lambda / (2 m) "
                   "penalty, which skips column 0, now also falls on the real bias column); the hidden layer's ones "
                   "column is prepended correctly",
         expected=("column of ones", "ones column", "bias column", "first column", "last column", "prepend",
                   "append", "cat([ones, x]", "cat([x, ones]", "order of the columns", "column order", "shifted",
                   "shift by one", "misaligned", "bias unit", "a1", "theta1", "x0 = 1")),
    dict(id="OX07_review_sentiment", side="port",
         args=pair("07_review_sentiment_numpy.py", "SentimentNet", "07_review_sentiment_torch.py", "SentimentNet",
                   "--data", REVIEWS, "--batch-size", "1", "--step", "net.train_review(X, y)",
                   *params("weights_0_1=weights_0_1.weight", "weights_1_2=weights_1_2.weight.T")),
         mechanism="pair: the Grokking network's hidden layer is the sigmoid of the sum of the review's word rows "
                   "(np.sum(weights_0_1[x], axis=0)); the port's nn.EmbeddingBag is left at its default mode='mean', "
                   "so the bag is averaged over the 6 words: the hidden pre-activation and the gradient reaching each "
                   "word row are 1/6 of the NumPy program's (mode='sum' meant)",
         expected=("embeddingbag", "embedding bag", "mode='mean'", 'mode="mean"', "mode='sum'", 'mode="sum"',
                   "default mode", "mean instead of sum", "average instead of sum", "averaged", "mean of the word",
                   "1/6", "one sixth", "6 times", "factor 6", "divided by 6", "number of words", "bag size")),
    dict(id="OX08_fanin_rates", side="port",
         args=pair("08_fanin_rates_numpy.py", "FanInRatesNet", "08_fanin_rates_torch.py", "FanInRatesNet",
                   "--data", BINARY,
                   *params("W1=hidden.weight.T", "b1=hidden.bias", "W2=output.weight.T", "b2=output.bias")),
         mechanism="pair: LeCun's per-layer rates (ETA / sqrt(fan-in): 0.25 for the hidden layer, 0.125 for the "
                   "output layer) are ported as two SGD optimizers, but the output layer's is built on "
                   "model.parameters(), every parameter: the hidden layer's weight and bias are stepped by both "
                   "optimizers, 0.25 + 0.125 = 0.375 times their gradient instead of 0.25 (1.5 times the NumPy "
                   "program's step); the output layer is right",
         expected=("model.parameters()", "all parameters", "every parameter", "both optimizers", "two optimizers",
                   "twice", "updated twice", "stepped twice", "second optimizer", "output optimizer",
                   "model.output.parameters()", "0.375", "1.5 times", "1.5x", "×1.5", "factor 1.5",
                   "0.25 + 0.125", "hidden layer")),
    # ------------------------------------------------------------------ NumPy networks
    dict(id="OX09_nielsen_network", side="numpy",
         args=numpy_net("09_nielsen_network.py", "Network", "--init", "Network([4, 6, 5, 1])",
                        "--step", "net.update_mini_batch(list(zip(X[:, :, None], y[:, :, None])), 3.0)",
                        "--data", "random:40,4", "--batch-size", "10", "--loss", "half-mse", "--lr", "3.0"),
         mechanism="copy-paste slip in Nielsen's update_mini_batch: the weight gradients are accumulated from "
                   "delta_nabla_b instead of delta_nabla_w, nabla_w = [nw + dnw for nw, dnw in zip(nabla_w, "
                   "delta_nabla_b)]: each layer's (n, 1) delta broadcasts over its (n, m) weight matrix, so every "
                   "weight of a unit gets the unit's bias gradient (delta) instead of delta times its input "
                   "activation (delta a^T); the biases are right",
         expected=("delta_nabla_b", "delta_nabla_w", "nabla_b", "nabla_w", "bias gradient", "bias's gradient",
                   "biases' gradient", "copy-paste", "copy paste", "broadcast", "without the input",
                   "missing the activation", "input activation", "a^t", "delta * a", "same for every weight",
                   "weight gradient")),
    dict(id="OX10_planar_shallow_network", side="numpy",
         args=numpy_net("10_planar_shallow_network.py", "PlanarNetwork", "--init", "PlanarNetwork()",
                        "--step", "net.train_step(X, y)", "--data", "random:40,3", "--hidden-activation", "tanh",
                        "--loss", "bce", "--lr", "1.2"),
         mechanism="the wrapper turns the rows into the course's column layout with X_rows.reshape(n_x, m) instead "
                   "of X_rows.T: reshape keeps the memory order, so the (40, 3) batch is re-read as (3, 40) in "
                   "row-major order and each example column mixes features of different rows; the network trains "
                   "on scrambled inputs (Y, with one output, reshapes correctly)",
         expected=("reshape", "transpose", ".t", "x_rows.t", "memory order", "row-major", "scrambled", "mixed",
                   "mixes features", "features of different", "columns", "column layout", "examples as columns",
                   "(n_x, m)", "not a transpose", "instead of transpos", "inputs")),
    dict(id="OX11_cross_entropy_network", side="numpy",
         args=numpy_net("11_cross_entropy_network.py", "Network", "--init", "Network([5, 8, 1])",
                        "--step", "net.update_mini_batch(list(zip(X[:, :, None], y[:, :, None])), 0.5, 0.0, len(X))",
                        "--data", "random:40,5", "--batch-size", "10", "--loss", "bce", "--lr", "0.5"),
         mechanism="in network2's backprop the cost's delta is called with its first two arguments swapped, "
                   "(self.cost).delta(activations[-1], zs[-1], y) where delta(z, a, y) is declared: "
                   "CrossEntropyCost.delta returns a - y from its second argument, so the output error becomes "
                   "z - y, the output unit's weighted input (logit) minus the target, instead of the sigmoid "
                   "activation a minus the target",
         expected=("swapped", "argument order", "order of the arguments", "arguments", "delta(z, a, y)", "zs[-1]",
                   "activations[-1]", "z - y", "z-y", "logit", "weighted input", "pre-activation", "preactivation",
                   "instead of a - y", "a - y", "without the sigmoid", "output error")),
    dict(id="OX12_step_decay_classifier", side="numpy",
         args=pair("12_step_decay_classifier_numpy.py", "StepDecayClassifier", "12_step_decay_classifier_torch.py",
                   "StepDecayClassifier", "--data", THREE_CLASS, "--batch-size", "12",
                   *params("W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias")),
         mechanism="pair: the step-decay schedule counts steps_per_epoch = num_train // batch_size = 45 // 12 = 3 "
                   "(floor), but an epoch is 4 mini-batches (12, 12, 12 and a short one of 9), so the epoch counter "
                   "runs ahead: the NumPy program multiplies its rate by DROP = 0.7 after every 3 updates instead of "
                   "every 4 (equal for the first 3 steps, then 0.7 against 1.0, 0.49 against 0.7, ...), where the "
                   "port's LambdaLR uses ceil(45 / 12) = 4",
         expected=("floor", "ceil", "//", "45 // 12", "steps_per_epoch", "steps per epoch", "3 instead of 4",
                   "4 mini-batches", "partial batch", "last batch", "short batch", "epoch length", "epoch count",
                   "decays too early", "decays early", "too soon", "step decay", "schedule", "learning rate")),
    dict(id="OX13_autograd_classifier", side="numpy",
         args=pair("13_autograd_classifier_numpy.py", "AutogradClassifier", "13_autograd_classifier_torch.py",
                   "AutogradClassifier", "--data", BINARY, *dict_params("params", "fc1", "fc2")),
         mechanism="pair: in the micrograd-style engine the backward of log divides by the op's output instead of "
                   "its input, self.grad + out.grad / out.data (log x) where out.grad / self.data (x) is meant, "
                   "copied from exp's backward that uses out.data: the gradient through both logs of the binary "
                   "cross-entropy is out.grad / log(p) instead of out.grad / p, its sign flipped (log p < 0) and its "
                   "size changed",
         expected=("log", "backward of log", "log's backward", "1/x", "1 / x", "/ self.data", "/ out.data",
                   "divides by the output", "output instead of the input", "log(p)", "1 / log", "1/log",
                   "derivative of log", "exp's backward", "copied from exp", "autograd", "engine")),
    dict(id="OX14_maxout_regressor", side="numpy",
         args=pair("14_maxout_regressor_numpy.py", "MaxoutRegressor", "14_maxout_regressor_torch.py",
                   "MaxoutRegressor", "--data", SURFACE,
                   *params("params['W1']=pieces.weight.T", "params['b1']=pieces.bias", "params['W2']=out.weight.T",
                           "params['b2']=out.bias")),
         mechanism="pair: the maxout backward sends each hidden unit's gradient into all K = 3 of its pieces, "
                   "dz = dh * ones_like(z), instead of only into the piece that attained the max (the mask "
                   "z == h): the winner mask is missing, so W1 and b1 get the gradient of every piece, as if the unit "
                   "were the sum of its pieces (W2 and b2 are right)",
         expected=("maxout", "argmax", "max piece", "winning piece", "winner", "mask", "z == h", "only the max",
                   "all pieces", "every piece", "all k", "sum of the pieces", "ones_like", "routed", "route",
                   "max pooling backward", "max-pool backward", "w1")),
    dict(id="OX15_streetlights", side="numpy",
         args=pair("15_streetlights_numpy.py", "StreetlightNet", "15_streetlights_torch.py", "StreetlightNet",
                   "--data", STREETLIGHTS, "--batch-size", "6", "--step", "net.train_iteration(X, y)",
                   *params("weights_0_1=layer_1.weight.T", "weights_1_2=layer_2.weight.T")),
         mechanism="pair: the chapter-6 online loop reuses layer_1_all[i:i + 1], the hidden activations computed "
                   "for the whole batch before the loop (for the error log), instead of recomputing "
                   "relu(layer_0 @ weights_0_1) for each row: after the first row, every row's forward pass and "
                   "deltas use hidden activations from the weights as they were at the start of the iteration, "
                   "stale by the updates already made (the first row of each iteration is right)",
         expected=("stale", "precomputed", "pre-computed", "computed before the loop", "before the loop",
                   "layer_1_all", "reuse", "reused", "cached", "outdated", "old weights", "before the update",
                   "not recomputed", "recompute", "online", "per row", "each row", "first row")),
    dict(id="OX16_focal_classifier", side="numpy",
         args=pair("16_focal_classifier_numpy.py", "FocalClassifier", "16_focal_classifier_torch.py",
                   "FocalClassifier", "--data", MOONS,
                   *params("W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias")),
         mechanism="pair: the hand-derived focal-loss gradient treats the modulating factor (1 - p_t)^gamma as a "
                   "constant: dFL/dp_t = -(1 - p_t)^gamma / p_t instead of gamma (1 - p_t)^(gamma - 1) log(p_t) - "
                   "(1 - p_t)^gamma / p_t, so the logit gradient is (1 - p_t)^gamma (p - y), the weighted "
                   "cross-entropy's, missing the term (2y - 1) gamma (1 - p_t)^gamma p_t log(p_t)",
         expected=("focal", "modulating factor", "(1 - p_t)^gamma", "(1 - pt)", "(1-pt)", "gamma", "γ", "constant",
                   "treated as a constant", "derivative of the weight", "log(p_t)", "log(pt)", "product rule",
                   "missing term", "term missing", "dfl_dpt", "weighted cross-entropy", "chain rule")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="OX17_layer_library_net", side="correct",
         args=numpy_net("correct_01_layer_library_net.py", "LayerLibraryNet", "--init", "LayerLibraryNet()",
                        "--step", "net.train_step(X, y)",
                        *params("model.layers[0].w=W1.T", "model.layers[0].b=b1", "model.layers[2].w=W2.T",
                                "model.layers[2].b=b2"),
                        "--data", "random:40,3", "--batch-size", "8", "--hidden-activation", "tanh",
                        "--output-activation", "linear", "--loss", "sse", "--optimizer", "ema-momentum",
                        "--momentum", "0.9", "--lr", "0.01"),
         mechanism="NumPy: a Data Science from Scratch chapter-19 style library (Layer objects with params() and "
                   "grads(), a Sequential yielding them as generators, SSE with loss() and gradient(), the book's "
                   "Momentum update = mo * update + (1 - mo) * grad with lazily created updates, in-place "
                   "param[...] = writes), weights stored (out, in) and paired with --param; against the kit's twin "
                   "with ema-momentum", expected=()),
    dict(id="OX18_barebones_port", side="correct",
         args=port("correct_02_barebones_port.py", "TwoLayerFC", "--torch-param", "w1=W1", "--torch-param", "w2=W2",
                   "--no-bias", "--data", "random:40,6,3", "--batch-size", "10", "--hidden-activation", "relu",
                   "--output-activation", "softmax", "--loss", "ce", "--lr", "0.5"),
         mechanism="port: cs231n's barebones PyTorch: raw weight tensors without biases applied with x.mm(w) after a "
                   "view-based flatten, the SGD step written by hand under torch.no_grad() with w.grad.zero_() (the "
                   "kit's optimizer unused), the parameters named with --torch-param; against the kit's NumPy "
                   "network", expected=()),
    dict(id="OX19_layered_net", side="correct",
         args=pair("correct_03_layered_net_numpy.py", "TwoLayerNet", "correct_03_layered_net_torch.py", "TwoLayerNet",
                   "--data", THREE_CLASS, "--batch-size", "15", *dict_params("params", "affine1", "affine2")),
         mechanism="pair: Deep Learning from Scratch's TwoLayerNet (Affine, Relu and SoftmaxWithLoss layer objects "
                   "in an OrderedDict built over the params dict, Relu.backward masking dout in place, "
                   "log(y + 1e-7) in the loss) with the book's AdaGrad (epsilon 1e-7 outside the root), against "
                   "torch.optim.Adagrad(lr=0.1, eps=1e-7)", expected=()),
]
