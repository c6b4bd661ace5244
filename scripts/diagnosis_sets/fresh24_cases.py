"""Twenty-fourth fresh held-out set for the diagnosis: one planted bug per program in fresh24/
(eight PyTorch ports, six of them checked against a NumPy program of their own, and eight NumPy
programs, six of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is networks beyond the kit's dense two-layer net that people really
port: three- and four-layer MLPs with a different activation per layer (leaky ReLU, ELU,
softplus, tanh), embedding tables feeding dense layers (a next-token window model, a bag of
words, tied input and output embeddings), 1-d convolutions (channels-last im2col and strided),
Elman RNNs, layer and batch normalisation, dropout with a fixed mask, a residual block, and
hand-written optimizers (momentum, Nesterov, Adam, AdamW, RMSprop, AdaGrad, L2 weight decay).
The bugs sit in the forward passes, the hand-written backward passes, the optimizers and their
ports. fresh24/make_data.py writes the pairs' data. Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh24_cases

Each case:
    id          short name (prefixed OW)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh22/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference) to pass (exit 0) under
the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh24/"
port, numpy_net = in_folder(F)

TOKENS, SERIES, SIGNALS = F + "tokens.npz", F + "series.npz", F + "signals.npz"
TABLE, SURFACE = F + "table.npz", F + "surface.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="OW01_three_layer_classifier", side="port",
         args=port("01_three_layer_classifier_port.py", "Net", "--data", "random:48,5,3", "--batch-size", "16",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="the port's module-level ACTIVATIONS tuple still lists two functions (left from the two-hidden-layer "
                   "version) while HIDDEN now has three layers; forward zips the hidden layers with the activations and "
                   "zip stops at the shorter, so the third hidden layer (hidden.2, W3 and b3) is never applied: it gets "
                   "no gradient and never moves, and the head reads the second hidden layer's ReLU output",
         expected=("zip", "shorter", "third hidden layer", "third layer", "layer skipped", "skips the third",
                   "skipped", "never applied", "not applied", "unused", "never used", "no gradient", "never updated",
                   "w3", "hidden.2", "two activations", "missing layer", "layer missing")),
    dict(id="OW02_tanh_regressor", side="port",
         args=port("02_tanh_regressor_port.py", "Net", *OPT, "--data", "random:40,6,2",
                   "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "mse",
                   "--optimizer", "adam", "--lr", "0.01", "--weight-decay", "0.05"),
         mechanism="the port's hand-written L2 penalty 0.5 * wd * p.pow(2).mean() averages each parameter's squares "
                   "instead of summing them (.sum(), the penalty whose gradient wd * p torch.optim.Adam(weight_decay) "
                   "and the NumPy network add): each tensor's decay term is wd * p / numel(p), 60 times too weak for "
                   "W1 (6 x 10), 100 times for the 10 x 10 layers, 10 times for the hidden biases, 20 for the output "
                   "weight",
         expected=("mean instead of sum", ".mean()", "mean()", "averaged", "average over", "numel",
                   "number of elements", "per tensor", "per-tensor", "weight decay", "l2 penalty", "l2 term",
                   "too weak", "weaker decay", "divided by the size", "1 / numel", "sum of squares")),
    dict(id="OW03_mixed_activation_mlp", side="port",
         args=pair("03_mixed_activation_mlp_numpy.py", "MixedMLP", "03_mixed_activation_mlp_torch.py", "MixedMLP",
                   "--data", SURFACE,
                   *params("params['W1']=body.0.weight.T", "params['b1']=body.0.bias",
                           "params['W2']=body.2.weight.T", "params['b2']=body.2.bias",
                           "params['W3']=body.4.weight.T", "params['b3']=body.4.bias",
                           "params['W4']=body.6.weight.T", "params['b4']=body.6.bias")),
         mechanism="pair: the port's second hidden activation is nn.SELU, the scaled ELU (1.0507 * ELU with alpha "
                   "1.6733), where the NumPy program's second hidden layer is the plain ELU with alpha 1: the positive "
                   "side is scaled by 1.0507 and the negative side is 1.758 (e^z - 1) instead of e^z - 1, values and "
                   "derivatives, for every unit of that layer (the leaky ReLU and softplus layers are right)",
         expected=("selu", "scaled elu", "scaled exponential", "1.0507", "1.6733", "1.758", "instead of elu",
                   "not elu", "not the elu", "self-normalizing", "self-normalising", "elu")),
    dict(id="OW04_next_token", side="port",
         args=pair("04_next_token_numpy.py", "NextTokenModel", "04_next_token_torch.py", "NextTokenModel",
                   "--data", TOKENS, "--batch-size", "16",
                   *params("E=emb.weight", "W1=hidden.weight.T", "b1=hidden.bias", "W2=out.weight.T",
                           "b2=out.bias")),
         mechanism="pair: the port's nn.Embedding is built with max_norm=1.0, which renormalises every looked-up row "
                   "to an L2 norm of at most 1, in place, during the forward pass: the embeddings the port uses (and "
                   "keeps) are rescaled, rows of norm about 2.8 shrunk to norm 1, where the NumPy program's table is "
                   "unconstrained",
         expected=("max_norm", "max norm", "renorm", "renormalis", "renormaliz", "norm at most 1", "unit norm",
                   "norm 1", "l2 norm", "rescaled", "shrunk", "embedding norm", "in place", "in-place",
                   "nn.embedding")),
    dict(id="OW05_token_window", side="port",
         args=pair("05_token_window_numpy.py", "TokenWindowModel", "05_token_window_torch.py", "TokenWindowModel",
                   "--data", TOKENS, "--batch-size", "16",
                   *params("params['E']=emb.weight", "params['W1']=fc1.weight.T", "params['b1']=fc1.bias",
                           "params['W2']=fc2.weight.T", "params['b2']=fc2.bias")),
         mechanism="pair: the port's parameter-free layer norm is F.layer_norm(e, e.shape[1:]) on the (n, 4, 6) "
                   "window of embeddings: normalized_shape (4, 6) normalises each window over its 4 positions and 6 "
                   "features together (one mean and variance per row), where the NumPy program normalises each "
                   "token's 6 features on their own (axis -1, e.shape[-1:])",
         expected=("normalized_shape", "normalised shape", "shape[1:]", "shape[-1:]", "last dimension", "last axis",
                   "axis=-1", "dim=-1", "over positions", "positions and features", "whole window", "per token",
                   "each token", "per position", "(4, 6)", "layer_norm", "layer norm")),
    dict(id="OW06_batchnorm_classifier", side="port",
         args=pair("06_batchnorm_classifier_numpy.py", "BatchNormClassifier", "06_batchnorm_classifier_torch.py",
                   "BatchNormClassifier", "--data", TABLE, "--batch-size", "16",
                   *params("W1=fc1.weight.T", "gamma=bn1.weight", "beta=bn1.bias", "W2=fc2.weight.T",
                           "b2=fc2.bias", "W3=fc3.weight.T", "b3=fc3.bias")),
         mechanism="pair: the port applies the batch norm after the ReLU, bn1(relu(fc1(x))), where the NumPy program "
                   "normalises the pre-activation and rectifies after, relu(bn(x W1)): the order of the normalisation "
                   "and the activation is swapped in the first hidden layer",
         expected=("after the relu", "before the relu", "after relu", "before relu", "order", "swapped", "reversed",
                   "bn(relu", "relu(bn", "post-activation", "pre-activation", "normalisation after",
                   "normalization after", "activation before", "batch norm after")),
    dict(id="OW07_dropout_mlp", side="port",
         args=pair("07_dropout_mlp_numpy.py", "DropoutMLP", "07_dropout_mlp_torch.py", "DropoutMLP",
                   "--data", TABLE,
                   *params("W[0]=fc1.weight.T", "b[0]=fc1.bias", "W[1]=fc2.weight.T", "b[1]=fc2.bias",
                           "W[2]=fc3.weight.T", "b[2]=fc3.bias")),
         mechanism="pair: the port's fixed dropout mask rescales the kept units by 1 / P with P = 0.2, torch's drop "
                   "probability, where inverted dropout divides by the keep probability 1 - P = 0.8 (the NumPy "
                   "program's KEEP_PROB): the first hidden layer's kept activations are 5 instead of 1.25 times the "
                   "ReLU output, 4 times too large",
         expected=("1 / p", "1/p", "/ p", "drop probability", "keep probability", "keep_prob", "1 - p",
                   "inverted dropout", "dropout scal", "rescal", "4 times", "factor 4", "factor of 4", "4x", "×4",
                   "dropout")),
    dict(id="OW08_signal_convnet", side="port",
         args=pair("08_signal_convnet_numpy.py", "SignalConvNet", "08_signal_convnet_torch.py", "SignalConvNet",
                   "--data", SIGNALS, "--batch-size", "12",
                   *params("K=conv.weight.permute(2,1,0)", "bK=conv.bias", "W=fc.weight.T", "b=fc.bias")),
         mechanism="pair: the NumPy program pools its channels-last activations (n, positions, channels) with "
                   "mean(axis=1), over the positions; the port copies dim=1 onto torch's channels-first (n, channels, "
                   "positions) conv output, so h.mean(dim=1) averages over the 8 channels instead of the 8 positions "
                   "(dim=2 meant); the shapes agree only because there are 8 of each",
         expected=("dim=1", "dim=2", "axis=1", "wrong axis", "wrong dim", "over channels", "over the channels",
                   "instead of positions", "over positions", "channels-first", "channels-last", "channels first",
                   "channels last", "layout", "pooling axis", "global average pool", "average pooling")),
    # ------------------------------------------------------------------ NumPy programs
    dict(id="OW09_deep_logistic", side="numpy",
         args=numpy_net("09_deep_logistic.py", "DeepLogistic", "--init", "DeepLogistic()",
                        "--step", "net.train_step(X, y)", "--data", "random:40,5",
                        "--hidden-activation", "sigmoid", "--loss", "bce", "--optimizer", "momentum",
                        "--momentum", "0.9", "--lr", "0.5"),
         mechanism="the sigmoid derivative helper, written from the quotient rule, drops the square of the "
                   "denominator: e^-z / (1 + e^-z) instead of e^-z / (1 + e^-z)^2, which is 1 - sigmoid(z) = "
                   "sigmoid(-z) instead of sigmoid(z) (1 - sigmoid(z)), in all three hidden layers",
         expected=("square", "squared", "denominator", "quotient rule", "(1 + e)^2", "(1 + e) ** 2", "** 2",
                   "1 - sigmoid", "1 - σ", "sigmoid(-z)", "σ(-z)", "sigmoid derivative", "derivative of the sigmoid",
                   "sigmoid'", "σ'", "a(1 - a)", "a (1 - a)", "s(1 - s)")),
    dict(id="OW10_relu_regressor", side="numpy",
         args=numpy_net("10_relu_regressor.py", "ReluRegressor", "--init", "ReluRegressor()",
                        "--step", "net.train_step(X, y)", "--data", "random:40,6,2",
                        "--hidden-activation", "relu", "--output-activation", "linear", "--loss", "mse",
                        "--optimizer", "adam", "--lr", "0.01", "--weight-decay", "0.05"),
         mechanism="Adam's L2 term adds the penalty's form wd * p^2 to the gradient instead of its derivative wd * p "
                   "(torch.optim.Adam(weight_decay) adds wd * p): the decay term is p times the intended one, too weak "
                   "for weights below 1 in size, and never negative, so it pushes negative weights further down "
                   "instead of towards zero",
         expected=("p ** 2", "p**2", "p^2", "p²", "squared", "square", "penalty instead of its gradient",
                   "penalty's value", "derivative of the penalty", "wd * p", "weight decay", "l2 term", "l2 penalty",
                   "non-negative", "never negative", "decay term", "gradient of the penalty")),
    dict(id="OW11_elman_rnn", side="numpy",
         args=pair("11_elman_rnn_numpy.py", "ElmanRNN", "11_elman_rnn_torch.py", "ElmanRNN",
                   "--data", SERIES, "--batch-size", "10",
                   *params("Wx=x2h.weight.T", "b=x2h.bias", "Wh=h2h.weight.T", "Wy=readout.weight.T",
                           "by=readout.bias")),
         mechanism="pair: back-propagation through time takes step t's tanh derivative from hs[t], the previous "
                   "hidden state h_{t-1}, instead of hs[t + 1], the state that step produced (hs[0] is h_0): an "
                   "off-by-one in the list of states, every step's delta dh (1 - h_{t-1}^2) instead of dh (1 - h_t^2), "
                   "and the first step's factor 1 (h_0 = 0)",
         expected=("off-by-one", "off by one", "hs[t]", "hs[t + 1]", "hs[t+1]", "previous state",
                   "previous hidden state", "h_{t-1}", "h_(t-1)", "wrong state", "wrong time step", "1 - h",
                   "tanh derivative", "derivative of tanh", "bptt", "through time")),
    dict(id="OW12_layernorm_regressor", side="numpy",
         args=pair("12_layernorm_regressor_numpy.py", "LayerNormRegressor", "12_layernorm_regressor_torch.py",
                   "LayerNormRegressor", "--data", SURFACE,
                   *params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['gain']=norm.weight",
                           "params['shift']=norm.bias", "params['W2']=fc2.weight.T", "params['b2']=fc2.bias",
                           "params['W3']=fc3.weight.T", "params['b3']=fc3.bias")),
         mechanism="pair: the layer norm's backward leaves out the gain: dxhat = da instead of da * gain, so the "
                   "gradient reaching z1 (and W1, b1) is not multiplied by the learned gain; equal on step 1, where "
                   "the gain is 1, wrong from step 2 as the gain moves",
         expected=("gain", "gamma", "dxhat", "da * gain", "missing gain", "gain missing", "without the gain",
                   "not multiplied by the gain", "layer norm backward", "layer norm's backward", "layernorm",
                   "affine", "equal on step 1", "from step 2")),
    dict(id="OW13_batchnorm_tanh", side="numpy",
         args=pair("13_batchnorm_tanh_numpy.py", "BatchNormTanhNet", "13_batchnorm_tanh_torch.py", "BatchNormTanhNet",
                   "--data", TABLE, "--batch-size", "16",
                   *params("W1=fc1.weight.T", "gamma=bn.weight", "beta=bn.bias", "W2=fc2.weight.T", "b2=fc2.bias")),
         mechanism="pair: batch norm's gamma gradient is summed against the un-normalised pre-activation z1 instead "
                   "of the normalised xhat, dgamma = sum(ds * z1) instead of sum(ds * xhat) (a variable slip); beta's "
                   "gradient and the gradient reaching W1 are right",
         expected=("gamma", "dgamma", "xhat", "x_hat", "normalised", "normalized", "un-normalised", "unnormalised",
                   "unnormalized", "pre-activation", "z1", "before normalisation", "before normalization",
                   "variable slip", "wrong variable", "batch norm", "batchnorm")),
    dict(id="OW14_strided_convnet", side="numpy",
         args=pair("14_strided_convnet_numpy.py", "StridedConvNet", "14_strided_convnet_torch.py", "StridedConvNet",
                   "--data", SIGNALS, "--batch-size", "12",
                   *params("params['kernel']=conv.weight", "params['kernel_bias']=conv.bias",
                           "params['W']=fc.weight.T", "params['b']=fc.bias")),
         mechanism="pair: the strided convolution's kernel gradient reads the input window X[:, :, t:t + width] for "
                   "output position t, the stride forgotten, instead of X[:, :, t * stride:t * stride + width] as the "
                   "forward pass (stride 2) reads it: every position after the first is correlated with the wrong "
                   "input window (shifted by one step per position instead of two)",
         expected=("stride", "t * stride", "t*stride", "t * self.stride", "stride forgotten", "without the stride",
                   "missing stride", "ignores the stride", "wrong window", "wrong patch", "input window", "patch",
                   "offset", "kernel gradient", "weight gradient", "conv backward", "convolution backward")),
    dict(id="OW15_residual_regressor", side="numpy",
         args=pair("15_residual_regressor_numpy.py", "ResidualRegressor", "15_residual_regressor_torch.py",
                   "ResidualRegressor", "--data", SURFACE,
                   *params("params['W_in']=inp.weight.T", "params['b_in']=inp.bias", "params['W_res']=res.weight.T",
                           "params['b_res']=res.bias", "params['W_out']=out.weight.T", "params['b_out']=out.bias")),
         mechanism="pair: the residual block adds in place, h += relu(z_res), and h is the very array cached as "
                   "self.h1: the cache is overwritten with the block's output h1 + relu(h1 W_res + b_res), so the "
                   "backward pass uses h2 where it needs the block's input h1, in W_res's gradient (h1^T d_res) and in "
                   "the tanh derivative 1 - h1^2 (the forward output and the loss are right)",
         expected=("in place", "in-place", "+=", "alias", "aliased", "same array", "overwritten", "overwrites",
                   "cache", "cached", "h1", "copy", "h = h +", "block input", "block's input", "residual", "skip")),
    dict(id="OW16_bag_of_words", side="numpy",
         args=pair("16_bag_of_words_numpy.py", "BagOfWords", "16_bag_of_words_torch.py", "BagOfWords",
                   "--data", TOKENS, "--batch-size", "16",
                   *params("params['E']=emb.weight", "params['W1']=fc1.weight.T", "params['b1']=fc1.bias",
                           "params['W2']=fc2.weight.T", "params['b2']=fc2.bias")),
         mechanism="pair: AdamW's decoupled weight decay is applied as p -= wd * p, without the learning rate, "
                   "instead of p -= lr * wd * p (torch.optim.AdamW shrinks by lr * weight_decay): every parameter "
                   "shrinks by 1% per step instead of 0.01%, 1 / lr = 100 times too much decay",
         expected=("lr * wd", "lr * weight_decay", "lr*wd", "learning rate", "without the learning rate",
                   "missing lr", "lr missing", "1 / lr", "1/lr", "100 times", "100x", "×100", "factor 100",
                   "factor of 100", "decoupled", "adamw", "weight decay", "shrink")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="OW17_tied_lm", side="correct",
         args=pair("correct_01_tied_lm_numpy.py", "TiedLM", "correct_01_tied_lm_torch.py", "TiedLM",
                   "--data", TOKENS, "--batch-size", "16",
                   *params("E=emb.weight", "W=proj.weight.T", "b=proj.bias", "c=out_bias")),
         mechanism="pair: tied embeddings: the NumPy program adds the lookup's and the output projection's gradients "
                   "of E (logits h E^T + c through np.einsum, log-softmax by np.logaddexp.reduce, the mean lookup "
                   "scattered per position with np.add.at), AdaGrad accumulated with np.add(..., out=); the port uses "
                   "one nn.Embedding twice (the lookup and F.linear(h, emb.weight, out_bias)) with "
                   "torch.optim.Adagrad", expected=()),
    dict(id="OW18_stacked_relu_net", side="correct",
         args=numpy_net("correct_02_stacked_relu_net.py", "StackedReluNet", "--init", "StackedReluNet()",
                        "--step", "net.train_step(X, y)", "--data", "random:48,5,3", "--batch-size", "12",
                        "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                        "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.1",
                        *params("W_in=W1", "b_in=b1", "Wh[0]=W2", "bh[0]=b2", "Wh[1]=W3", "bh[1]=b3",
                                "W_out=W4", "b_out=b4")),
         mechanism="NumPy: the two square hidden-to-hidden layers of a three-hidden-layer ReLU classifier live in one "
                   "stacked (2, 10, 10) array with biases (2, 10), paired with --param Wh[0]=W2 ... bh[1]=b3, "
                   "gradients through np.einsum, velocities of the same stacked shapes updated in place, Nesterov in "
                   "torch's form; against the kit's twin", expected=()),
    dict(id="OW19_recurrent_regressor", side="correct",
         args=pair("correct_03_recurrent_regressor_numpy.py", "RecurrentRegressor",
                   "correct_03_recurrent_regressor_torch.py", "RecurrentRegressor", "--data", SERIES,
                   "--batch-size", "10",
                   *params("params['W_ih']=rnn.weight_ih_l0", "params['W_hh']=rnn.weight_hh_l0",
                           "params['b_ih']=rnn.bias_ih_l0", "params['b_hh']=rnn.bias_hh_l0",
                           "params['W_out']=head.weight", "params['b_out']=head.bias")),
         mechanism="pair: a NumPy Elman RNN written to mirror torch.nn.RNN, (out, in) weights W_ih and W_hh, two "
                   "biases b_ih and b_hh with equal gradients, the sequence walked time-major through "
                   "X.transpose(1, 0, 2), Adam with the first moment's bias correction folded into the rate; against "
                   "nn.RNN(batch_first=True) read from h_n[-1] and torch.optim.Adam", expected=()),
]
