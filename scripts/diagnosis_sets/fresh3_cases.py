"""Third fresh held-out set for the diagnosis: one planted bug per program in fresh3/ (eight
PyTorch ports checked against the kit's NumPy network, eight NumPy programs checked against
the kit's torch twin) and three correct programs in unusual styles. Same format as
cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh3_cases

Each case:
    id          short name (prefixed H)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules. The mechanisms differ from those of
fresh/, fresh2/ and the development set (cases.py). Each buggy program was checked to fail
(exit 1) and its one-line fix to pass (exit 0) under the same arguments.
"""

from case_args import OPT, in_folder

port, numpy_net = in_folder("scripts/diagnosis_sets/fresh3/")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="H01_tanh_as_two_sigmoid_minus_one", side="port",
         args=port("01_tanh_as_two_sigmoid_minus_one.py", "Net", "--data", "random:32,4",
                   "--hidden-activation", "tanh", "--loss", "bce", "--optimizer", "momentum", "--momentum", "0.9",
                   "--lr", "0.1"),
         mechanism="hidden tanh written as 2 * sigmoid(z) - 1, which is tanh(z / 2) (tanh(z) = 2 sigmoid(2z) - 1)",
         expected=("tanh(z/2)", "tanh(z / 2)", "tanh(x/2)", "tanh(x / 2)", "z/2", "z / 2", "x/2", "x / 2",
                   "2σ", "2 σ", "2*sigmoid", "2 * sigmoid", "2 sigmoid", "half the slope", "slope",
                   "hidden activation", "activation differs", "different activation", "activation mismatch",
                   "scaled pre-activation", "pre-activation scaled", "halved")),
    dict(id="H02_bce_with_logits_on_probabilities", side="port",
         args=port("02_bce_with_logits_on_probabilities.py", "Net", "--data", "random:40,3", "--loss", "bce",
                   "--lr", "0.5"),
         mechanism="nn.Sequential ends in nn.Sigmoid() and the loss is nn.BCEWithLogitsLoss: the sigmoid is "
                   "applied twice, BCE(sigmoid(sigmoid(z)), y)",
         expected=("with_logits", "withlogits", "with logits", "logits", "sigmoid twice", "sigmoid applied twice",
                   "two sigmoids", "double sigmoid", "σ(σ", "sigmoid(sigmoid", "sigmoid of the sigmoid",
                   "already a probability", "already probabilities", "extra sigmoid")),
    dict(id="H03_sequential_missing_relu", side="port",
         args=port("03_sequential_missing_relu.py", "Regressor", "--data", "random:36,4",
                   "--hidden-activation", "relu", "--loss", "mse", "--optimizer", "nesterov", "--momentum", "0.9",
                   "--lr", "0.2"),
         mechanism="nn.Sequential(Linear, Linear, Sigmoid): the hidden nn.ReLU() left out, the hidden layer is linear",
         expected=("missing activation", "no activation", "activation missing", "without activation",
                   "without an activation", "activation is missing", "activation left out", "linear hidden",
                   "hidden layer is linear", "hidden layer linear", "as linear", "hidden-activation linear",
                   "identity", "relu missing", "no relu", "relu is missing", "without relu", "without the relu",
                   "relu left out")),
    dict(id="H04_adamw_for_adam", side="port",
         args=port("04_adamw_for_adam.py", "Net", *OPT, "--data", "random:32,4", "--hidden-activation", "tanh",
                   "--loss", "bce", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="torch.optim.AdamW where the NumPy network runs Adam: AdamW's default weight_decay=0.01 "
                   "shrinks every parameter by lr * 0.01 each step (decoupled weight decay)",
         expected=("adamw", "weight decay", "weight_decay", "weight-decay", "decoupled", "shrink",
                   "proportional to the parameter", "proportional to the weight", "l2")),
    dict(id="H05_bce_log_p_twice", side="port",
         args=port("05_bce_log_p_twice.py", "Net", "--data", "random:32,5", "--hidden-activation", "relu",
                   "--loss", "bce", "--lr", "0.5"),
         mechanism="hand-written BCE takes (1 - y) * log(p) where it should take (1 - y) * log(1 - p): "
                   "the loss is -log(p) on every row",
         expected=("log(1 - p)", "log(1-p)", "log(1 - o", "log(1-o", "log(1 - a", "log(1-a", "log(1 - out",
                   "log(1 - y_hat", "(1 - y)", "(1-y)", "1 - y term", "negative class", "y = 0", "y=0",
                   "zero targets", "targets of 0", "-log(p)", "-log p", "log(p) twice", "wrong loss",
                   "different loss", "loss function", "cross-entropy written", "bce written")),
    dict(id="H06_hand_adam_step_off_by_one", side="port",
         args=port("06_hand_adam_step_off_by_one.py", "MLP", *OPT, "--torch-param", "W1=W1",
                   "--torch-param", "b1=b1", "--torch-param", "W2=W2", "--torch-param", "b2=b2",
                   "--data", "random:32,4", "--loss", "mse", "--optimizer", "adam", "--lr", "0.02"),
         mechanism="hand-written Adam (an Optimizer subclass) starts its step counter at 1 and increments it "
                   "before use: the bias corrections are those of step t + 1",
         expected=("step count", "step counter", "counter", "timestep", "time step", "off by one", "off-by-one",
                   "t + 1", "t+1", "one step ahead", "bias correction", "bias-correction", "correction")),
    dict(id="H07_relu_on_logits", side="port",
         args=port("07_relu_on_logits.py", "Classifier", "--data", "random:48,5,3", "--hidden-activation", "relu",
                   "--output-activation", "softmax", "--loss", "ce", "--lr", "0.5"),
         mechanism="the hidden layer's F.relu copied onto the output layer: the logits are rectified "
                   "(negatives become 0) before F.cross_entropy",
         expected=("relu on the output", "relu on the logits", "output relu", "relu to the logits",
                   "relu of the logits", "relu'd", "rectified logits", "logits rectified", "negative logits",
                   "logits clipped", "clamped", "clipped at 0", "clipped at zero", "output activation",
                   "extra activation", "activation on the output", "output layer's activation")),
    dict(id="H08_ce_reduced_over_wrong_axis", side="port",
         args=port("08_ce_reduced_over_wrong_axis.py", "Classifier", "--data", "random:60,6,4",
                   "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="hand-written cross-entropy sums over dim=0 (the batch) and averages over the classes: "
                   "divided by the number of classes (4) instead of the rows (60), a factor 15",
         expected=("dim=0", "dim 0", "axis=0", "axis 0", "wrong axis", "wrong dimension", "over the batch",
                   "mean over the classes", "averaged over the classes", "number of classes", "classes instead",
                   "factor 15", "15 times", "15x", "×15", "x15", "reduction")),
    # ------------------------------------------------------------------ NumPy networks
    dict(id="H09_mse_gradient_missing_two", side="numpy",
         args=numpy_net("09_mse_gradient_missing_two.py", "Regressor", "--step", "net.fit(X, y)",
                        "--data", "random:32,4", "--hidden-activation", "relu", "--output-activation", "linear",
                        "--loss", "mse", "--lr", "0.05"),
         mechanism="MSE output gradient (out - y) / n without the factor 2: every gradient is half the loss's",
         expected=("factor 2", "factor of 2", "factor two", "factor of two", "missing 2", "missing factor",
                   "half-mse", "half mse", "0.5 *", "0.5 mean", "½", "half the gradient", "halved",
                   "2 (out", "2(out", "2 * (")),
    dict(id="H10_adam_m_hat_aliases_m", side="numpy",
         args=numpy_net("10_adam_m_hat_aliases_m.py", "AdamNet", "--step", "net.train_step(X, y)",
                        "--data", "random:32,4", "--loss", "bce", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="m_hat = m; m_hat /= 1 - beta1**t: the bias correction rescales the stored first moment in "
                   "place (alias), so the corrected m is carried into the next step",
         expected=("alias", "in place", "in-place", "same array", "stored back", "written back", "overwrit",
                   "corrected moment", "corrected m", "bias-corrected", "m_hat", "m̂", "bias correction",
                   "bias-correction", "first moment")),
    dict(id="H11_sigmoid_exp_sign", side="numpy",
         args=numpy_net("11_sigmoid_exp_sign.py", "DeepNet", "--step", "net.train_step(X, y)",
                        "--data", "random:32,4", "--lr", "0.5"),
         mechanism="sigmoid written 1 / (1 + exp(z)), i.e. sigmoid(-z), with the derivative a (1 - a): forward "
                   "mirrored, backward of the wrong sign, in every layer",
         expected=("exp(z)", "exp(x)", "exp(+", "σ(-z)", "sigmoid(-z)", "σ(−z)", "minus sign", "sign of the exponent",
                   "missing sign", "wrong sign", "sign flip", "flipped sign", "sign error", "opposite sign",
                   "mirrored", "1 - σ", "1 - sigmoid", "negated")),
    dict(id="H12_bce_derivative_sign_typo", side="numpy",
         args=numpy_net("12_bce_derivative_sign_typo.py", "NesterovTanh", "--step", "net.train(X, y)",
                        "--data", "random:32,4", "--hidden-activation", "tanh", "--loss", "bce",
                        "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.05"),
         mechanism="longhand BCE derivative written -y/a - (1-y)/(1-a) instead of -y/a + (1-y)/(1-a): "
                   "the y = 0 term has the wrong sign",
         expected=("wrong sign", "sign flip", "flipped sign", "sign error", "opposite sign", "sign typo",
                   "(1 - y)", "(1-y)", "1 - y", "y = 0", "y=0", "negative class", "zero targets",
                   "targets of 0", "loss derivative", "derivative of the loss", "dl/da", "bce derivative",
                   "cross-entropy derivative", "derivative of the cross-entropy")),
    dict(id="H13_columns_divide_by_features", side="numpy",
         args=numpy_net("13_columns_divide_by_features.py", "ColNet", "--step", "net.train(X, y)",
                        "--data", "random:30,6", "--loss", "mse", "--lr", "0.5"),
         mechanism="samples-as-columns network divides by A0.shape[0], the number of features (6), instead of "
                   "the number of samples (30): every gradient 5x too large",
         expected=("number of features", "features instead", "shape[0]", "number of samples", "number of rows", "batch size", "wrong dimension",
                   "wrong axis", "factor 5", "factor of 5", "5 times", "five times", "5x", "×5", "x5")),
    dict(id="H14_augmented_bias_wrong_slice", side="numpy",
         args=numpy_net("14_augmented_bias_wrong_slice.py", "AugmentedNet",
                        "--data", "random:32,4", "--hidden-activation", "tanh", "--loss", "mse", "--lr", "0.5"),
         mechanism="bias kept as the last row of W (inputs augmented with ones); the backward pass drops column 0 "
                   "of delta @ W.T instead of the bias column: hidden deltas shifted by one unit",
         expected=("shift", "off by one", "off-by-one", "wrong column", "bias column", "bias row", "misalign",
                   "wrong unit", "neighbouring unit", "neighboring unit", "slice", "wrong index", "one unit")),
    dict(id="H15_softmax_shift_by_column_max", side="numpy",
         args=numpy_net("15_softmax_shift_by_column_max.py", "SoftmaxMLP", "--step", "net.step(X, y)",
                        "--data", "random:64,5,3", "--batch-size", "16", "--hidden-activation", "relu",
                        "--output-activation", "softmax", "--loss", "ce", "--lr", "0.3"),
         mechanism="softmax stabilised with z - z.max(axis=0) (each class's max over the batch) instead of each "
                   "row's max: a different shift per class changes the probabilities",
         expected=("axis=0", "axis 0", "dim=0", "wrong axis", "max over the batch", "column max", "per-class",
                   "per class", "shift", "stabilis", "stabiliz")),
    dict(id="H16_second_bias_takes_first_delta", side="numpy",
         args=numpy_net("16_second_bias_takes_first_delta.py", "TwoHidden", "--step", "net.train_step(X, y)",
                        "--param", "W[0]=W1", "--param", "b[0]=b1", "--param", "W[1]=W2", "--param", "b[1]=b2",
                        "--param", "W[2]=W3", "--param", "b[2]=b3",
                        "--data", "random:32,4", "--hidden-activation", "tanh", "--loss", "half-sse",
                        "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="two equal-width hidden layers: the second hidden bias gets the first hidden layer's delta "
                   "(d1.sum) instead of its own (d2.sum), a copy-paste index slip",
         expected=("wrong layer", "another layer", "other layer", "first layer's", "first hidden layer's",
                   "layer 1's", "delta of layer 1", "copy-paste", "copy and paste", "copied", "mixed up", "wrong index",
                   "off by one",
                   "off-by-one", "neighbouring layer", "neighboring layer")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="H17_correct_negative_velocity_layer_dicts", side="correct",
         args=numpy_net("correct_01_negative_velocity_layer_dicts.py", "LayerDictNet", "--step", "net.update(X, y)",
                        "--param", "layers[0]['W']=W1", "--param", "layers[0]['b']=b1",
                        "--param", "layers[1]['W']=W2", "--param", "layers[1]['b']=b2",
                        "--data", "random:32,4", "--hidden-activation", "tanh", "--loss", "bce",
                        "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.2"),
         mechanism="NumPy: layers as a list of dicts, tanh, BCE, momentum as v = mu v - lr g; W += v "
                   "(the velocity holds the step)", expected=()),
    dict(id="H18_correct_port_parameterdict_flinear", side="correct",
         args=port("correct_02_port_parameterdict_flinear.py", "ParamDictNet", *OPT,
                   "--torch-param", "params.w1=W1.T", "--torch-param", "params.b1=b1",
                   "--torch-param", "params.w2=W2.T", "--torch-param", "params.b2=b2",
                   "--torch-param", "params.w3=W3.T", "--torch-param", "params.b3=b3",
                   "--data", "random:40,3", "--hidden-activation", "relu", "--output-activation", "linear",
                   "--loss", "mse", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="port: nn.ParameterDict, (out, in) weights through F.linear, two ReLU hidden layers, "
                   "hand-written MSE, Adam with its defaults spelled out", expected=()),
    dict(id="H19_correct_softmax_jacobian_ce_sum", side="correct",
         args=numpy_net("correct_03_softmax_jacobian_ce_sum.py", "JacobianSoftmax", "--step", "net.train_batch(X, y)",
                        "--data", "random:64,4,3", "--batch-size", "16", "--output-activation", "softmax",
                        "--loss", "ce-sum", "--lr", "0.05"),
         mechanism="NumPy: softmax back-propagated through its full Jacobian diag(p) - p p^T (einsum), "
                   "sigmoid hidden, (1, h) biases, summed cross-entropy, mini-batches", expected=()),
]
