"""Tenth fresh held-out set for the diagnosis: one planted bug per program in fresh10/ (eight
PyTorch ports checked against the kit's NumPy network, eight NumPy programs checked against
the kit's torch twin) and three correct programs in unusual styles. Same format as
cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh10_cases

Each case:
    id          short name (prefixed S)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules. The mechanisms differ from those of
the development set (cases.py), fresh/, fresh2/, ..., fresh9/. Each buggy program was checked
to fail (exit 1) and its fix (the bug the only difference) to pass (exit 0) under the same
arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

port, numpy_net = in_folder("scripts/diagnosis_sets/fresh10/")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="S01_lecun_scaled_tanh", side="port",
         args=port("01_lecun_scaled_tanh.py", "Net", "--data", "random:36,6",
                   "--hidden-activation", "tanh", "--loss", "bce", "--optimizer", "momentum",
                   "--momentum", "0.9", "--lr", "0.1"),
         mechanism="the port's hidden activation is LeCun's scaled tanh from 'Efficient BackProp', "
                   "1.7159 * tanh(2/3 * z), where the NumPy network's two hidden layers use plain tanh(z)",
         expected=("1.7159", "2/3", "2 / 3", "0.6667", "0.667", "lecun", "efficient backprop", "scaled tanh",
                   "tanh scaled", "rescaled tanh", "modified tanh", "tanh(2", "amplitude", "scaling of the tanh",
                   "instead of tanh", "not tanh", "not plain tanh", "plain tanh")),
    dict(id="S02_inputs_divided_by_255", side="port",
         args=port("02_inputs_divided_by_255.py", "Net", "--data", "random:40,4,3", "--batch-size", "10",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--lr", "0.5"),
         mechanism="forward begins with x = x / 255.0, pixel normalisation copied from MNIST code: the port "
                   "feeds the first layer inputs 255 times smaller than the NumPy network's",
         expected=("255", "pixel", "mnist", "image", "input scaling", "scales the input", "scaled input",
                   "inputs scaled", "input is scaled", "inputs are scaled", "rescal", "preprocess",
                   "divides the input", "divided the input", "input divided", "inputs divided", "normalis",
                   "normaliz", "smaller inputs")),
    dict(id="S03_focal_loss_gamma", side="port",
         args=port("03_focal_loss_gamma.py", "Net", "--data", "random:40,6",
                   "--hidden-activation", "sigmoid", "--loss", "bce", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="train_step's binary cross-entropy is a focal loss kept from detection code, "
                   "-(1 - p_t)^gamma log(p_t) with GAMMA = 2.0, where plain BCE (gamma = 0) is meant: every row "
                   "is down-weighted by (1 - p_t)^2, the confident ones most",
         expected=("focal", "gamma", "γ", "(1 - p_t", "(1-p_t", "(1 - pt", "(1-pt", "p_t", "modulat",
                   "down-weight", "downweight", "down weight", "easy examples", "well-classified",
                   "well classified", "confident", "detection", "retinanet", "lin et al")),
    dict(id="S04_hidden_activity_l1", side="port",
         args=port("04_hidden_activity_l1.py", "Net", "--data", "random:36,5",
                   "--hidden-activation", "relu", "--output-activation", "linear", "--loss", "mse",
                   "--lr", "0.05"),
         mechanism="train_step adds an L1 activity (sparsity) penalty from autoencoder code, "
                   "0.01 * mean |h| of each hidden layer's activations, to the MSE; the NumPy network has no "
                   "penalty on its activations",
         expected=("activity", "activation penalty", "penalty on the activations", "penalty on the hidden",
                   "penalises the activations", "penalizes the activations", "sparsity", "sparse", "l1",
                   ".abs", "abs()", "|h|", "autoencoder", "regulari", "extra term", "additional term",
                   "hidden activations", "0.01 *", "1e-2")),
    dict(id="S05_static_loss_scale", side="port",
         args=port("05_static_loss_scale.py", "Net", "--data", "random:30,3",
                   "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "half-sse",
                   "--lr", "0.0005"),
         mechanism="train_step from mixed-precision code back-propagates (loss * LOSS_SCALE) with a static "
                   "loss scale of 128 and never unscales the gradients before optimizer.step(): every "
                   "gradient and step is 128 times too large",
         expected=("loss scal", "loss_scale", "unscale", "un-scale", "gradscaler", "grad scaler",
                   "mixed precision", "mixed-precision", "fp16", "float16", "half precision", "scaled loss",
                   "128", "factor 128", "×128", "x128", "2^7", "2**7")),
    dict(id="S06_max_norm_constraint", side="port",
         args=port("06_max_norm_constraint.py", "Net", "--data", "random:48,6,4", "--batch-size", "12",
                   "--hidden-activation", "sigmoid", "--output-activation", "softmax", "--loss", "ce-sum",
                   "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.05"),
         mechanism="train_step applies a max-norm constraint after optimizer.step() (dropout-paper recipe): "
                   "each unit's incoming weight row is renormalised with torch.renorm to an L2 norm of at most "
                   "MAX_NORM = 1.0; the NumPy network has no constraint",
         expected=("max-norm", "max norm", "maxnorm", "max_norm", "renorm", "norm constraint",
                   "weight constraint", "constraint", "projected", "projection", "rescaled rows",
                   "row norm", "norm of each row", "norm of each unit", "incoming weights", "clipped weights",
                   "weights clipped", "weight clipping", "capped", "srivastava")),
    dict(id="S07_adam_beta2_099", side="port",
         args=port("07_adam_beta2_099.py", "Net", *OPT, "--data", "random:48,4,3", "--batch-size", "12",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "adam", "--lr", "0.005"),
         mechanism="make_optimizer builds torch.optim.Adam(betas=(0.9, 0.99)), beta2 from another recipe, "
                   "where the NumPy network's Adam uses beta2 = 0.999: the second moment decays ten times "
                   "faster (and its bias correction differs)",
         expected=("beta2", "β2", "beta_2", "(0.9, 0.99)", "0.99)", "betas", "second-moment decay",
                   "second moment decay", "decay of the second moment", "second moment's decay",
                   "second-moment's decay", "decay rate of the second", "fastai")),
    dict(id="S08_linear_scaling_lr", side="port",
         args=port("08_linear_scaling_lr.py", "Net", *OPT, "--data", "random:64,5", "--batch-size", "16",
                   "--hidden-activation", "sigmoid", "--loss", "mse", "--optimizer", "momentum",
                   "--momentum", "0.9", "--lr", "0.5"),
         mechanism="make_optimizer applies the linear learning-rate scaling rule from a large-batch recipe, "
                   "lr * BATCH_SIZE / BASE_BATCH_SIZE = lr * 16 / 64: the port's SGD(momentum) runs at a quarter "
                   "of the NumPy network's learning rate",
         expected=("linear scaling", "scaling rule", "base_batch", "batch_size /", "16 / 64", "16/64", "lr / 4",
                   "lr/4", "a quarter", "one quarter", "quarter of", "0.25", "1/4", "factor 4", "factor of 4",
                   "4 times smaller", "four times smaller", "4x smaller", "scaled learning rate",
                   "learning rate is scaled", "learning-rate scaling", "learning rate scaling", "goyal",
                   "smaller learning rate", "lower learning rate")),
    # ------------------------------------------------------------------ NumPy networks
    dict(id="S09_bias_subtracted_forward", side="numpy",
         args=numpy_net("09_bias_subtracted_forward.py", "TanhClassifier", "--step", "net.train_step(X, y)",
                        "--data", "random:36,4", "--hidden-activation", "tanh", "--loss", "bce-sum",
                        "--lr", "0.05"),
         mechanism="forward computes the hidden pre-activation as X @ W1 - b1 (the bias subtracted) while the "
                   "backward pass and the update treat it as + b1: the hidden bias's effective gradient has the "
                   "wrong sign, so b1 ascends",
         expected=("- self.b1", "- b1", "-b1", "+ self.b1", "+ b1", "minus the bias", "bias subtracted",
                   "subtracts the bias", "subtracted bias", "subtracting the bias", "negated bias",
                   "bias with the wrong sign", "bias sign", "sign of the bias", "sign of b1", "wrong sign",
                   "opposite sign", "ascend", "ascent")),
    dict(id="S10_softmax_unshifted_denominator", side="numpy",
         args=numpy_net("10_softmax_unshifted_denominator.py", "DeepSoftmax", "--step", "net.train_step(X, y)",
                        "--data", "random:64,6,4", "--batch-size", "16", "--hidden-activation", "relu",
                        "--output-activation", "softmax", "--loss", "ce", "--optimizer", "nesterov",
                        "--momentum", "0.9", "--lr", "0.05"),
         mechanism="half-refactored stable softmax: the numerator is exp(z - max) but the denominator still sums "
                   "the unshifted np.exp(z), so each row's probabilities are scaled by exp(-max_j z_j) and do "
                   "not sum to one; the delta p - y uses them",
         expected=("denominator", "numerator", "unshifted", "not shifted", "without the shift", "shifted",
                   "np.exp(z).sum", "exp(z).sum", "e.sum", "max subtraction", "max-subtraction",
                   "subtract the max", "subtracting the max", "exp(-max", "e^{-max", "e^(-max", "e^-max",
                   "do not sum to one", "don't sum to one", "does not sum to one", "sum to 1", "sum to one",
                   "stabilis", "stabiliz")),
    dict(id="S11_mse_on_softmax_ce_shortcut", side="numpy",
         args=numpy_net("11_mse_on_softmax_ce_shortcut.py", "SoftmaxRegressor", "--step", "net.train_step(X, y)",
                        "--data", "random:40,5,3", "--hidden-activation", "sigmoid",
                        "--output-activation", "softmax", "--loss", "mse", "--optimizer", "momentum",
                        "--momentum", "0.9", "--lr", "0.5"),
         mechanism="mean squared error on a softmax output, back-propagated with the cross-entropy shortcut "
                   "dz = (p - y) / n instead of the MSE's gradient 2 (p - y) / (n K) taken through the softmax "
                   "Jacobian",
         expected=("shortcut", "p - y", "p-y", "cross-entropy's gradient", "cross-entropy gradient",
                   "cross entropy gradient", "gradient of cross-entropy", "gradient of the cross-entropy",
                   "as if cross-entropy", "as if the loss were cross-entropy", "for cross-entropy",
                   "ce gradient", "jacobian", "softmax derivative", "derivative of the softmax",
                   "through the softmax", "mse through", "squared error through", "without the softmax")),
    dict(id="S12_fixed_batch_size_partial_batch", side="numpy",
         args=numpy_net("12_fixed_batch_size_partial_batch.py", "ReluRegressor", "--step", "net.train_step(X, y)",
                        "--data", "random:44,5", "--batch-size", "12", "--hidden-activation", "relu",
                        "--output-activation", "linear", "--loss", "half-mse", "--lr", "0.1"),
         mechanism="the half-MSE delta is divided by self.batch_size = 12 fixed at construction instead of "
                   "len(X): right for the full batches, but the last mini-batch of each epoch has 8 rows "
                   "(44 = 3 x 12 + 8) and its gradient is 8/12 of what it should be",
         expected=("partial", "last batch", "last mini-batch", "last minibatch", "smaller batch", "short batch",
                   "final batch", "incomplete", "remainder", "8 rows", "batch_size", "nominal batch",
                   "fixed batch size", "hard-coded", "hardcoded", "instead of len(x)", "len(x)", "12 instead of 8",
                   "8/12", "8 / 12", "2/3", "0.667", "0.67", "step 4")),
    dict(id="S13_hidden_delta_through_gradient", side="numpy",
         args=numpy_net("13_hidden_delta_through_gradient.py", "SigmoidNet", "--step", "net.train_step(X, y)",
                        "--data", "random:30,4", "--hidden-activation", "sigmoid", "--loss", "sse",
                        "--lr", "0.5"),
         mechanism="variable slip in backward: the hidden delta is back-propagated through dW2, the output "
                   "weight's gradient, (d2 @ dW2.T) instead of through the weight W2 itself",
         expected=("dw2", "dw2.t", "gradient of w2", "w2's gradient", "gradient instead of the weight",
                   "instead of w2", "instead of the weight", "instead of the weights", "through the gradient",
                   "through its gradient", "variable slip", "variable name", "typo", "wrong variable")),
    dict(id="S14_backprop_skips_layer", side="numpy",
         args=numpy_net("14_backprop_skips_layer.py", "TwoTanh", "--step", "net.train_step(X, y)",
                        "--data", "random:40,5", "--hidden-activation", "tanh", "--output-activation", "linear",
                        "--loss", "mse", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="two equal-width tanh hidden layers; the first hidden layer's delta is back-propagated from "
                   "the output delta through W3, (d3 @ W3.T) * (1 - h1^2), copied from the one-hidden-layer "
                   "version, instead of from the second layer's delta through W2: layer 2 is skipped",
         expected=("skip", "bypass", "d3 @", "through w3", "from d3", "from the output delta",
                   "output delta instead", "instead of d2", "d2 @", "through w2", "copy-paste", "copy paste",
                   "copied from", "one-hidden-layer", "one hidden layer", "two layers up", "layer above")),
    dict(id="S15_adam_beta1_half", side="numpy",
         args=numpy_net("15_adam_beta1_half.py", "AdamSoftmax", "--step", "net.train_step(X, y)",
                        "--data", "random:48,6,2", "--batch-size", "16", "--hidden-activation", "tanh",
                        "--output-activation", "softmax", "--loss", "ce-sum", "--optimizer", "adam",
                        "--lr", "0.002"),
         mechanism="Adam with beta1 = 0.5 (the DCGAN recipe) where the reference Adam uses beta1 = 0.9: the "
                   "first moment forgets faster and its bias correction differs (equal on step 1)",
         expected=("beta1", "β1", "beta_1", "beta1 = 0.5", "beta1=0.5", "β1 = 0.5", "β1=0.5", "(0.5, 0.999)",
                   "dcgan", "first-moment decay", "first moment decay", "decay of the first moment",
                   "first moment's decay", "first-moment's decay")),
    dict(id="S16_momentum_one_step_memory", side="numpy",
         args=numpy_net("16_momentum_one_step_memory.py", "DeepRelu", "--step", "net.train_step(X, y)",
                        "--param", "Ws[0]=W1", "--param", "bs[0]=b1", "--param", "Ws[1]=W2", "--param", "bs[1]=b2",
                        "--param", "Ws[2]=W3", "--param", "bs[2]=b3", "--param", "Ws[3]=W4", "--param", "bs[3]=b4",
                        "--data", "random:40,4", "--batch-size", "10", "--hidden-activation", "relu",
                        "--loss", "bce", "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="textbook momentum dw(t) = lr g + mu dw(t-1), but the remembered dw is only the gradient "
                   "part, self.prev = lr * g, not the whole step: the momentum term holds the previous step's "
                   "gradient alone, a one-step memory (equal on step 1)",
         expected=("one-step memory", "one step memory", "previous gradient", "last gradient",
                   "previous step's gradient", "only the previous", "only the last", "lr * g", "lr*g",
                   "not the whole step", "not the full step", "whole step", "full step", "previous update",
                   "previous step's update", "δw", "dw(t-1)", "self.prev", "prev", "memory", "forgets",
                   "truncated", "two-step")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="S17_correct_port_huber_as_half_mse", side="correct",
         args=port("correct_01_port_huber_as_half_mse.py", "HuberNet",
                   "--torch-param", "blocks.inp.weight=W1.T", "--torch-param", "blocks.inp.bias=b1",
                   "--torch-param", "blocks.mid.weight=W2.T", "--torch-param", "blocks.mid.bias=b2",
                   "--torch-param", "blocks.head.weight=W3.T", "--torch-param", "blocks.head.bias=b3",
                   "--data", "random:32,5",
                   "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "half-mse",
                   "--optimizer", "adam", "--lr", "0.01"),
         mechanism="port: two tanh hidden layers in an nn.ModuleDict declared head first and applied in an explicit "
                   "key order (paired with --torch-param), the loss "
                   "F.huber_loss(out, y, delta=1e3), which is 0.5 * mean squared error for every error below "
                   "1e3 (half-MSE); the kit's Adam", expected=()),
    dict(id="S18_correct_dataclass_sutskever_nesterov", side="correct",
         args=numpy_net("correct_02_dataclass_sutskever_nesterov.py", "Stack", "--step", "net.train_step(X, y)",
                        "--param", "layers[0].W=W1", "--param", "layers[0].b=b1",
                        "--param", "layers[1].W=W2", "--param", "layers[1].b=b2",
                        "--data", "random:30,4", "--hidden-activation", "relu", "--loss", "sse",
                        "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.01"),
         mechanism="NumPy: @dataclass layers with their own velocities, ReLU derivative as np.sign of the "
                   "activation (0 or 1 since a >= 0), summed squared error, Nesterov in Sutskever's form "
                   "v = mu v - lr g; W += mu v - lr g (the same trajectory as torch's)", expected=()),
    dict(id="S19_correct_scipy_special_ema", side="correct",
         args=numpy_net("correct_03_scipy_special_ema.py", "ExpitNet", "--step", "net.train_step(X, y)",
                        "--data", "random:48,6,3", "--batch-size", "8", "--shuffle",
                        "--hidden-activation", "sigmoid", "--output-activation", "softmax", "--loss", "ce",
                        "--optimizer", "ema-momentum", "--momentum", "0.9", "--lr", "0.5"),
         mechanism="NumPy: two sigmoid hidden layers through scipy.special.expit, softmax and the mean "
                   "cross-entropy through scipy.special.log_softmax, parameters in a dict, EMA momentum "
                   "(v = beta v + (1 - beta) g), shuffled mini-batches", expected=()),
]
