"""Twenty-seventh fresh held-out set for the diagnosis: one planted bug per program in fresh27/
(eight PyTorch ports, seven of them checked against a NumPy program of their own, and eight NumPy
programs, seven of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is networks beyond the plain dense classifier, as people port them
from courses, papers and blog posts: a gated linear unit, an LSTM and a GRU cell unrolled by
hand, single-head self-attention (plain and causal), a 1-d convolution written with im2col and
max pooling, a smooth-L1 robust regressor, softmax regression with a temperature, a sparse
autoencoder (UFLDL), a multi-task network with two heads and a weighted summed loss, a mixture
of experts with a softmax gate, batch normalisation in training mode, Poisson regression with a
log link, and autoencoders (dense, tied-weight). The bugs sit in the NumPy forward or
hand-written backward (a gate's derivative, a task weight, a normalisation's backward term, a
mask's place, a link function's chain rule, an update's sign) and in the ports (a torch module
or function whose convention or default differs, an argument order, a positional argument that
lands in a deprecated parameter, a checkpoint mode, a misplaced temperature).
fresh27/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh27_cases

Each case:
    id          short name (prefixed PA; PAC for the correct programs)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh26/. Each buggy program marks its
bug line with a `# fix: ...` comment holding the corrected line; each was checked to fail
(exit 1) and, with that one line replaced by its fix, to pass (exit 0) under the same arguments;
each correct program passes (exit 0).
"""

from case_args import in_folder

F = "scripts/diagnosis_sets/fresh27/"
port, numpy_net = in_folder(F)

GATED, SEQUENCES, TOKENS, SIGNALS = F + "gated.npz", F + "sequences.npz", F + "tokens.npz", F + "signals.npz"
ROBUST, CLASSES, SENSORS, MULTITASK = F + "robust.npz", F + "classes.npz", F + "sensors.npz", F + "multitask.npz"
EXPERTS, COUNTS = F + "experts.npz", F + "counts.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PA01_gated_regressor", side="port",
         args=pair("01_gated_regressor_numpy.py", "GatedRegressor", "01_gated_regressor_torch.py", "GatedRegressor",
                   "--data", GATED, *params("W1=proj.weight.T", "b1=proj.bias", "W2=out.weight.T", "b2=out.bias")),
         mechanism="pair: the port's gated linear unit is nn.GLU(dim=1), which computes first_half * "
                   "sigmoid(second_half) (the value first, the gate second, as in Dauphin et al.), where the NumPy "
                   "program gates with the first half, sigmoid(z[:, :6]) * z[:, 6:]: the roles of the two halves of "
                   "the projection are swapped, h = a sigmoid(b) instead of sigmoid(a) b, from the first forward pass",
         expected=("nn.glu", "glu", "gated linear unit", "halves", "first half", "second half", "swapped",
                   "exchanged", "gate", "a * sigmoid(b)", "sigmoid(a) * b", "order of the halves", "chunk",
                   "split", "value and gate", "convention")),
    dict(id="PA02_sequence_lstm", side="port",
         args=pair("02_sequence_lstm_numpy.py", "SequenceLSTM", "02_sequence_lstm_torch.py", "SequenceLSTM",
                   "--data", SEQUENCES, "--batch-size", "10",
                   *params("params['Wx']=x2g.weight.T", "params['b']=x2g.bias", "params['Wh']=h2g.weight.T",
                           "params['Wy']=readout.weight.T", "params['by']=readout.bias")),
         mechanism="pair: the port's hand-written LSTM cell activates all four stacked gate pre-activations with one "
                   "torch.sigmoid before chunking them into i, f, g, o: the candidate (cell input) g is sigmoid(a_g) "
                   "in (0, 1) instead of tanh(a_g) in (-1, 1), so the cell only ever adds non-negative candidates, "
                   "c = f c + i sigmoid(a_g); the three real gates are right",
         expected=("lstm", "candidate", "cell input", "g gate", "tanh", "sigmoid", "all four gates", "every gate",
                   "chunk", "cell state", "(0, 1)", "(-1, 1)", "non-negative", "activation of the candidate",
                   "wrong activation", "squashing")),
    dict(id="PA03_sequence_gru", side="port",
         args=pair("03_sequence_gru_numpy.py", "SequenceGRU", "03_sequence_gru_torch.py", "SequenceGRU",
                   "--data", SEQUENCES,
                   *params("Wx=x2h.weight.T", "b=x2h.bias", "U=h2h.weight.T", "Wy=readout.weight.T",
                           "by=readout.bias")),
         mechanism="pair: the port's GRU candidate follows the torch.nn.GRU docs, n = tanh(x W_n + b_n + r * (h U_n)), "
                   "the reset gate applied after the recurrent matrix product, where the NumPy program (Wikipedia's "
                   "fully gated unit) applies it before, n = tanh(x W_n + (r * h) U_n + b_n): r scales the outputs "
                   "of h U_n instead of the state entering it, at every step",
         expected=("reset gate", "gru", "r * (h", "(r * h)", "before the matrix product", "after the matrix product",
                   "before the product", "after the product", "convention", "cudnn", "torch.nn.gru", "candidate",
                   "u_n", "hidden-to-hidden", "recurrent weight", "order")),
    dict(id="PA04_token_attention", side="port",
         args=pair("04_token_attention_numpy.py", "TokenAttention", "04_token_attention_torch.py", "TokenAttention",
                   "--data", TOKENS, "--batch-size", "20",
                   *params("p['Wq']=query.weight.T", "p['Wk']=key.weight.T", "p['Wv']=value.weight.T",
                           "p['Wo']=readout.weight.T", "p['bo']=readout.bias")),
         mechanism="pair: the port's attention scores are torch.bmm(k, q.transpose(1, 2)), K Q^T, the two arguments "
                   "in the wrong order, instead of Q K^T: the score matrix is transposed, so row t of the softmax "
                   "holds k_t . q_s over s (the weights of position t come from its key against every query) "
                   "instead of q_t . k_s",
         expected=("bmm", "argument order", "arguments swapped", "k q^t", "q k^t", "transposed", "transpose",
                   "scores", "attention scores", "query", "key", "swapped", "softmax over the keys", "score matrix",
                   "s^t")),
    dict(id="PA05_signal_convnet", side="port",
         args=pair("05_signal_convnet_numpy.py", "SignalConvNet", "05_signal_convnet_torch.py", "SignalConvNet",
                   "--data", SIGNALS,
                   *params("params['K']=conv.weight.permute(2,1,0)", "params['bK']=conv.bias",
                           "params['W']=readout.weight.T", "params['b']=readout.bias")),
         mechanism="pair: the port's F.max_pool1d(h, 2) leaves stride at its default, the kernel size 2: "
                   "non-overlapping windows, 5 pooled positions from the 10, where the NumPy program pools every "
                   "pair of neighbouring positions with stride 1 (9 positions); the mean over the positions hides "
                   "the length difference, but it averages other maxima",
         expected=("max_pool1d", "stride", "default stride", "kernel_size", "kernel size", "stride=1",
                   "overlapping", "non-overlapping", "pooling", "max pool", "window", "5 positions",
                   "9 positions", "default")),
    dict(id="PA06_robust_regressor", side="port",
         args=pair("06_robust_regressor_numpy.py", "RobustRegressor", "06_robust_regressor_torch.py", "RobustRegressor",
                   "--data", ROBUST,
                   *params("W1=net.0.weight.T", "b1=net.0.bias", "W2=net.2.weight.T", "b2=net.2.bias")),
         mechanism="pair: F.smooth_l1_loss(out, y, BETA) passes BETA = 0.5 positionally into the third parameter, "
                   "the deprecated size_average (truthy, so the mean), and beta keeps its default 1.0: the quadratic "
                   "zone is |r| < 1 with gradient r / n instead of |r| < 0.5 with gradient r / (0.5 n) (half the "
                   "NumPy program's gradient for small residuals, r instead of sign(r) for 0.5 <= |r| < 1); large "
                   "residuals agree",
         expected=("smooth_l1_loss", "smooth l1", "beta", "positional", "size_average", "keyword", "default beta",
                   "beta=1", "1.0", "0.5", "threshold", "huber", "quadratic", "r / beta", "deprecated",
                   "third argument")),
    dict(id="PA07_checkpointed_classifier", side="port",
         args=port("07_checkpointed_classifier_port.py", "Net", "--data", "random:40,5",
                   "--hidden-activation", "tanh", "--loss", "bce", "--optimizer", "momentum",
                   "--momentum", "0.9", "--lr", "0.5"),
         mechanism="the port's hidden block runs under torch.utils.checkpoint(..., use_reentrant=True) and its only "
                   "input X does not require grad: the reentrant checkpoint's output then has no graph back into "
                   "the block, so the hidden layer's weight and bias get no gradient (None) and are never updated, "
                   "while the output layer trains; use_reentrant=False lets the gradient reach them",
         expected=("checkpoint", "use_reentrant", "reentrant", "requires_grad", "no gradient", "never updated",
                   "not updated", "w1", "b1", "first layer", "hidden layer", "frozen", "grad is none",
                   "activation checkpointing", "inputs")),
    dict(id="PA08_tempered_softmax", side="port",
         args=pair("08_tempered_softmax_numpy.py", "TemperedSoftmax", "08_tempered_softmax_torch.py", "TemperedSoftmax",
                   "--data", CLASSES, "--batch-size", "15",
                   *params("W=scores.weight.T", "b=scores.bias")),
         mechanism="pair: the port divides the log-probabilities by the temperature, F.log_softmax(z, dim=1) / T, "
                   "instead of the scores before the softmax, F.log_softmax(z / T, dim=1) (T = 2): the loss is "
                   "CE(softmax(z)) / T, so the score gradient is (softmax(z) - y) / (n T) instead of "
                   "(softmax(z / T) - y) / (n T)",
         expected=("temperature", "log_softmax", "log-probabilities", "logits", "z / t", "after the log",
                   "before the softmax", "softmax(z / t)", "softmax(z)", "t = 2", "scaled", "misplaced",
                   "parenthes", "distillation", "divided")),
]


CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PA09_sparse_autoencoder", side="numpy",
         args=pair("09_sparse_autoencoder_numpy.py", "SparseAutoencoder", "09_sparse_autoencoder_torch.py",
                   "SparseAutoencoder", "--data", SENSORS, "--loss-expr", "net.cost(X, y)",
                   *params("W1=encoder.weight.T", "b1=encoder.bias", "W2=decoder.weight.T", "b2=decoder.bias")),
         mechanism="pair: UFLDL sparse autoencoder: the sparsity penalty's derivative BETA (-RHO / rho_hat + "
                   "(1 - RHO) / (1 - rho_hat)) / m is added to the hidden delta after the sigmoid derivative, "
                   "d2 = (d3 W2^T) h (1 - h) + s, instead of inside it, d2 = (d3 W2^T + s) h (1 - h): the sparsity "
                   "term reaches W1 and b1 without the factor h (1 - h) <= 1/4 (at least 4 times too strong); "
                   "W2 and b2 are right",
         expected=("sparsity", "sparse", "kl", "rho", "rho_hat", "sigmoid derivative", "h (1 - h)", "h * (1 - h)",
                   "after the derivative", "outside", "parenthes", "hidden delta", "penalty", "beta", "w1", "b1")),
    dict(id="PA10_two_head_net", side="numpy",
         args=pair("10_two_head_net_numpy.py", "TwoHeadNet", "10_two_head_net_torch.py", "TwoHeadNet",
                   "--data", MULTITASK, "--batch-size", "10",
                   *params("params['W1']=trunk.weight.T", "params['b1']=trunk.bias",
                           "params['Wc']=cls_head.weight.T", "params['bc']=cls_head.bias",
                           "params['Wr']=reg_head.weight.T", "params['br']=reg_head.bias")),
         mechanism="pair: multi-task net with the loss CE + LAMBDA * MSE (LAMBDA = 0.5): the regression head's delta "
                   "leaves out the task weight, d_reg = 2 (reg - y) / n instead of LAMBDA * 2 (reg - y) / n, so the "
                   "regression head's gradients (Wr, br) and its share of the trunk's (W1, b1) are 1 / LAMBDA = 2 "
                   "times too large; the classification head is right",
         expected=("lambda", "task weight", "loss weight", "weighting", "auxiliary", "regression head",
                   "second head", "multi-task", "0.5", "twice", "factor 2", "factor of 2", "wr", "br", "trunk",
                   "missing weight")),
    dict(id="PA11_mixture_of_experts", side="numpy",
         args=pair("11_mixture_of_experts_numpy.py", "MixtureOfExperts", "11_mixture_of_experts_torch.py",
                   "MixtureOfExperts", "--data", EXPERTS,
                   *params("We=experts.weight.T", "be=experts.bias", "Wg=gate.weight.T", "bg=gate.bias")),
         mechanism="pair: mixture of experts out = sum_e g_e f_e: each expert's output gradient is taken as the "
                   "gradient of a plain sum, d_out repeated for every expert, instead of d_out * g_e: the gate "
                   "probability that scales each expert's prediction is missing from the experts' backward pass, "
                   "so every expert gets the full error (We, be wrong; the gating network Wg, bg right)",
         expected=("expert", "gate", "gating", "mixture", "g_e", "gate probability", "gate weight", "not weighted",
                   "unweighted", "missing gate", "d_out * g", "product rule", "every expert", "full error", "we",
                   "be")),
    dict(id="PA12_batchnorm_classifier", side="numpy",
         args=pair("12_batchnorm_classifier_numpy.py", "BatchNormClassifier", "12_batchnorm_classifier_torch.py",
                   "BatchNormClassifier", "--data", CLASSES, "--batch-size", "15",
                   *params("W1=fc1.weight.T", "gamma=bn.weight", "beta=bn.bias", "W2=fc2.weight.T", "b2=fc2.bias")),
         mechanism="pair: the batch norm backward drops the mean term, dz = inv_std / n (n dxhat - xhat "
                   "sum(dxhat xhat)) without - sum(dxhat): the path through the batch mean is missing (the mean "
                   "treated as a constant), so the gradient reaching z1 and W1 keeps a per-unit offset "
                   "inv_std sum(dxhat) / n; gamma, beta, W2 and b2 are right",
         expected=("batch norm", "batchnorm", "mean term", "sum(dxhat)", "dxhat.sum", "batch mean",
                   "mean as a constant", "missing term", "centering", "backward", "w1", "normalization",
                   "normalisation", "through the mean", "kratzert")),
    dict(id="PA13_causal_attention", side="numpy",
         args=pair("13_causal_attention_numpy.py", "CausalAttention", "13_causal_attention_torch.py",
                   "CausalAttention", "--data", TOKENS, "--batch-size", "20",
                   *params("Wq=query.weight.T", "Wk=key.weight.T", "Wv=value.weight.T", "Wo=readout.weight.T",
                           "bo=readout.bias")),
         mechanism="pair: the causal mask is applied after the softmax, softmax(S) * mask, instead of to the scores "
                   "before it (future positions set to -inf): the allowed weights keep the normaliser over all 4 "
                   "positions, so every position's attention row except the last sums to less than one; the "
                   "backward pass treats them as a softmax",
         expected=("causal", "mask", "masked", "after the softmax", "before the softmax", "-inf", "masked_fill",
                   "do not sum to one", "sum to less than one", "renormalis", "normaliser", "future positions",
                   "attention weights", "tril", "probabilities")),
    dict(id="PA14_count_regressor", side="numpy",
         args=pair("14_count_regressor_numpy.py", "CountRegressor", "14_count_regressor_torch.py", "CountRegressor",
                   "--data", COUNTS,
                   *params("W1=hidden.weight.T", "b1=hidden.bias", "W2=log_rate.weight.T", "b2=log_rate.bias")),
         mechanism="pair: Poisson regression with a log link: the log-rate's gradient is written (1 - y / rate) / n, "
                   "the derivative with respect to the rate exp(z), where the network's output is the log-rate z: "
                   "the chain-rule factor d rate / dz = rate is missing ((rate - y) / n meant), every gradient "
                   "divided by the predicted rate",
         expected=("poisson", "log link", "log-rate", "rate", "exp", "chain rule", "1 - y / rate", "rate - y",
                   "divided by the rate", "exp(z)", "derivative of exp", "log_input", "missing factor",
                   "link function")),
    dict(id="PA15_gru_forecaster", side="numpy",
         args=pair("15_gru_forecaster_numpy.py", "GRUForecaster", "15_gru_forecaster_torch.py", "GRUForecaster",
                   "--data", SEQUENCES, "--batch-size", "20",
                   *params("params['Wx']=inp.weight.T", "params['b']=inp.bias", "params['U']=rec.weight.T",
                           "params['Wy']=readout.weight.T", "params['by']=readout.bias")),
         mechanism="pair: the GRU's forward is h = (1 - z) h_prev + z n but its backward, taken from a post using "
                   "the other convention (h = z h_prev + (1 - z) n), has d_z = dh (h_prev - n) instead of "
                   "dh (n - h_prev): the update gate's gradient has the wrong sign at every step, so the z columns "
                   "of Wx, U and b and, through time, every recurrent parameter get wrong gradients (Wy, by right)",
         expected=("update gate", "gru", "sign", "convention", "h_prev - n", "n - h_prev", "(1 - z)",
                   "interpolation", "wrong sign", "flipped", "z gate", "bptt", "through time", "opposite")),
    dict(id="PA16_sensor_autoencoder", side="numpy",
         args=numpy_net("16_sensor_autoencoder.py", "SensorAutoencoder", "--init", "SensorAutoencoder()",
                        "--step", "net.train_step(X, y)", "--data", SENSORS, "--output", "reconstruction",
                        "--hidden-activation", "sigmoid", "--output-activation", "sigmoid", "--loss", "mse",
                        "--lr", "2.0"),
         mechanism="the autoencoder's decoder bias is updated with b_dec += lr * grad instead of -=: the output "
                   "layer's bias (b2) climbs its gradient (gradient ascent) while both weights and the encoder "
                   "bias descend; against the kit's twin",
         expected=("+=", "-=", "sign", "ascent", "ascend", "wrong direction", "bias", "decoder bias", "b_dec", "b2",
                   "gradient ascent", "opposite direction", "update sign", "flipped")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="PAC1_tied_autoencoder", side="correct",
         args=pair("correct_01_tied_autoencoder_numpy.py", "TiedAutoencoder", "correct_01_tied_autoencoder_torch.py",
                   "TiedAutoencoder", "--data", SENSORS,
                   *params("params['W']=encoder.weight.T", "params['b_enc']=encoder.bias",
                           "params['b_dec']=decoder_bias")),
         mechanism="pair: tied-weight autoencoder, one W for the encoder (X W) and, transposed, the linear decoder "
                   "(h W^T): NumPy sums both gradient contributions with np.add(..., out=) through einsum, sigmoid "
                   "through the half-angle tanh, an OrderedDict of parameters and Nesterov buffers updated with "
                   "out= ufuncs; against F.linear(h, encoder.weight.t(), decoder_bias) and SGD(nesterov=True)",
         expected=()),
    dict(id="PAC2_onehot_categorical_port", side="correct",
         args=port("correct_02_onehot_categorical_port.py", "Net", "--data", "random:45,4,3", "--batch-size", "15",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "adam", "--lr", "0.01"),
         mechanism="port: the hidden block under non-reentrant activation checkpointing (use_reentrant=False), ReLU "
                   "as F.hardtanh clipped to [0, inf), the loss the mean negative log-likelihood of the one-hot "
                   "targets under torch.distributions.OneHotCategorical(logits=...), zero_grad(set_to_none=True); "
                   "the kit's Adam and NumPy network", expected=()),
    dict(id="PAC3_layered_autoencoder", side="correct",
         args=numpy_net("correct_03_layered_autoencoder.py", "LayeredAutoencoder", "--init", "LayeredAutoencoder()",
                        "--step", "net.train_step(X, y)", "--data", SENSORS, "--output", "output",
                        "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "half-mse",
                        "--optimizer", "ema-momentum", "--momentum", "0.9", "--lr", "0.8",
                        *params("layers[0]['w']=W1.T", "layers[0]['b']=b1", "layers[1]['w']=W2.T",
                                "layers[1]['b']=b2")),
         mechanism="NumPy: an autoencoder (8 -> 3 tanh -> 8 linear) as a table of layer dicts with (out, in) "
                   "weights (paired with --param), the activation named per layer, tanh's derivative as "
                   "1 / cosh(z)^2 of the kept pre-activations, half MSE, EMA momentum with the parameters rebound "
                   "each step; against the kit's twin", expected=()),
]
