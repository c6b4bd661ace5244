"""Two hundred and fifth fresh held-out set for the diagnosis: one planted bug per program in
fresh205/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is quantile and multi-label
heads: an MLP trained with a pinball (quantile) loss over several quantiles at once, and a
multi-label classifier with per-label sigmoid binary cross-entropy and per-label positive weights,
each with an adaptive optimizer written by hand (RMSprop, Adagrad).

The base programs (data from fresh205/make_data.py, fixed seed, nothing random while training):

    quantile_numpy.py:QuantileMLP / quantile_torch.py:QuantileMLP, quantile.npz X (48, 6),
        y (48,) heteroscedastic regression target
        dense 6->24 + tanh -> dense 24->3, one output per quantile tau in (0.1, 0.5, 0.9)
        (NumPy: params dict, W kept (in, out)); pinball loss with e = y - pred,
        mean over rows and quantiles of max(tau e, (tau - 1) e).
        RMSprop lr 0.01, rho/alpha 0.9, eps 1e-6 outside the square root, as
        torch.optim.RMSprop(alpha=0.9, eps=1e-6) (state net.sq = square_avg).
    multilabel_numpy.py:MultiLabelNet / multilabel_torch.py:MultiLabelNet, multilabel.npz
        X (40, 8), y (40, 5) in {0, 1} (labels with different positive rates)
        dense 8->20 + ReLU -> dense 20->5 logits (NumPy: attributes W1, b1, W2, b2, W kept
        (in, out)); BCE on the logits with pos_weight (1.1, 2.6, 2.6, 0.55, 5.7) per label,
        mean over rows and labels, as nn.BCEWithLogitsLoss(pos_weight=...).
        Adagrad lr 0.1, coupled weight decay 1e-3 (g + wd p into the accumulator and the step),
        eps 1e-10, accumulator starting at 0, as torch.optim.Adagrad (state net.G = sum).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh205_cases

Each case:
    id          short name (prefixed VW)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case gives --as-written, its --param pairs, --steps 20, --dtype float32, --device cpu
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set;
validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same
arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh205/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def quantile(numpy="quantile_numpy.py", port="quantile_torch.py"):
    return [F + numpy + ":QuantileMLP", "--torch", F + port + ":QuantileMLP",
            "--data", F + "quantile.npz", "--as-written",
            "--param", "params['W1']=fc1.weight.T",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=fc2.weight.T",
            "--param", "params['b2']=fc2.bias",
            "--state", "square_avg=net.sq", *RUN]


def quantile_alt():
    return [F + "quantile_alt_numpy.py:QuantileMLPAlt", "--torch", F + "quantile_torch.py:QuantileMLP",
            "--data", F + "quantile.npz", "--as-written",
            "--param", "params['W1']=fc1.weight",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=fc2.weight",
            "--param", "params['b2']=fc2.bias",
            "--state", "square_avg=net.square_avg", *RUN]


def multilabel(numpy="multilabel_numpy.py", port="multilabel_torch.py"):
    return [F + numpy + ":MultiLabelNet", "--torch", F + port + ":MultiLabelNet",
            "--data", F + "multilabel.npz", "--as-written",
            "--param", "W1=hidden.weight.T",
            "--param", "b1=hidden.bias",
            "--param", "W2=head.weight.T",
            "--param", "b2=head.bias",
            "--state", "sum=net.G", *RUN]


def multilabel_alt_port():
    return [F + "multilabel_numpy.py:MultiLabelNet", "--torch", F + "multilabel_alt_torch.py:MultiLabelParams",
            "--data", F + "multilabel.npz", "--as-written",
            "--param", "W1=W1",
            "--param", "b1=b1",
            "--param", "W2=W2",
            "--param", "b2=b2",
            "--state", "sum=net.G", *RUN]


def multilabel_layers():
    return [F + "multilabel_alt_numpy.py:MultiLabelLayers", "--torch", F + "multilabel_torch.py:MultiLabelNet",
            "--data", F + "multilabel.npz", "--as-written",
            "--param", "layers[0][0]=hidden.weight.T",
            "--param", "layers[0][1]=hidden.bias",
            "--param", "layers[1][0]=head.weight.T",
            "--param", "layers[1][1]=head.bias",
            "--state", "sum=net.acc", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VW01", "side": "port", "args": quantile(port="01_residualsign_port.py"),
     "mechanism": "pinball loss with the residual's sign flipped (e = pred - y instead of y - pred): "
                  "each quantile tau is trained as 1 - tau (0.1 and 0.9 swapped, the median unchanged)",
     "expected": ("sign", "residual", "pinball", "quantile", "1 - tau")},
    {"id": "VW02", "side": "port", "args": quantile(port="02_rmsalpha_port.py"),
     "mechanism": "torch.optim.RMSprop without alpha=0.9: torch's default smoothing alpha 0.99 where "
                  "the NumPy RMSprop uses rho 0.9 for the running square average",
     "expected": ("alpha", "rho", "0.99", "square_avg", "decay rate")},
    {"id": "VW03", "side": "port", "args": quantile(port="03_centered_port.py"),
     "mechanism": "torch.optim.RMSprop(centered=True): the port divides by sqrt(E[g^2] - E[g]^2) "
                  "where the NumPy RMSprop divides by the uncentred sqrt(E[g^2])",
     "expected": ("centered", "centred", "grad_avg", "variance")},
    {"id": "VW04", "side": "port", "args": quantile(port="04_quantilesum_port.py"),
     "mechanism": "pinball loss summed over the 3 quantiles and averaged over rows (.sum(dim=1).mean()) "
                  "instead of the mean over all elements: loss and gradients 3 times too large",
     "expected": ("sum", "mean", "reduction", "3", "quantiles")},
    {"id": "VW05", "side": "port", "args": multilabel(port="05_weightkw_port.py"),
     "mechanism": "nn.BCEWithLogitsLoss(weight=...) instead of pos_weight=...: the per-label weight "
                  "scales the whole loss of each label (negatives too), not only the positive term",
     "expected": ("pos_weight", "weight", "positive", "bce")},
    {"id": "VW06", "side": "port", "args": multilabel(port="06_initaccum_port.py"),
     "mechanism": "torch.optim.Adagrad(initial_accumulator_value=0.1) (the Keras/TF default) where "
                  "the NumPy accumulator starts at 0: every step divided by sqrt(G + 0.1)",
     "expected": ("initial_accumulator_value", "accumulator", "initial", "0.1", "sum")},
    {"id": "VW07", "side": "port", "args": multilabel(port="07_sigmoidtwice_port.py"),
     "mechanism": "forward returns torch.sigmoid(logits) and BCEWithLogitsLoss applies the sigmoid "
                  "again: sigmoid taken twice",
     "expected": ("sigmoid", "twice", "double", "probabilities", "logits")},
    {"id": "VW08", "side": "port", "args": multilabel(port="08_l2weightsonly_port.py"),
     "mechanism": "weight decay moved into the loss as 0.5 * wd * ||W||^2 over the two weight matrices "
                  "only (Adagrad without weight_decay): the biases are no longer decayed and the loss "
                  "carries the penalty",
     "expected": ("weight decay", "bias", "biases", "l2", "penalty")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VW09", "side": "numpy", "args": quantile(numpy="09_pinballsign_numpy.py"),
     "mechanism": "pinball gradient with the wrong sign: dpred = (tau - 1[e < 0]) / n, the de/dpred = -1 "
                  "of e = y - pred left out, while the forward loss is right",
     "expected": ("sign", "pinball", "negated", "gradient", "quantile")},
    {"id": "VW10", "side": "numpy", "args": quantile(numpy="10_epsinsqrt_numpy.py"),
     "mechanism": "RMSprop eps placed inside the square root: g / sqrt(v + eps) instead of "
                  "g / (sqrt(v) + eps), with eps 1e-6",
     "expected": ("eps", "epsilon", "sqrt", "square root", "inside")},
    {"id": "VW11", "side": "numpy", "args": quantile(numpy="11_rhofactor_numpy.py"),
     "mechanism": "RMSprop square average updated as v = rho v + g^2: the (1 - rho) factor on the new "
                  "squared gradient left out",
     "expected": ("1 - rho", "1 - alpha", "square_avg", "factor", "rmsprop")},
    {"id": "VW12", "side": "numpy", "args": quantile(numpy="12_tanhderiv_numpy.py"),
     "mechanism": "tanh derivative taken of the already-activated hidden values: 1 - tanh(h)^2 with "
                  "h = tanh(z), instead of 1 - h^2",
     "expected": ("tanh", "derivative", "activation", "activated", "twice")},
    {"id": "VW13", "side": "numpy", "args": multilabel(numpy="13_posweightgrad_numpy.py"),
     "mechanism": "the logit gradient written as (sigmoid(z) - y) / n, ignoring pos_weight, while the "
                  "forward loss weights the positive term",
     "expected": ("pos_weight", "positive weight", "weight", "gradient", "sigmoid")},
    {"id": "VW14", "side": "numpy", "args": multilabel(numpy="14_accumreset_numpy.py"),
     "mechanism": "Adagrad accumulator overwritten each step (G = g^2 instead of G += g^2): the sum of "
                  "squared gradients is not carried across steps (step 1 agrees)",
     "expected": ("accumulator", "accumulate", "sum", "carried", "reset")},
    {"id": "VW15", "side": "numpy", "args": multilabel(numpy="15_relumask_numpy.py"),
     "mechanism": "ReLU backward mask taken as (h >= 0) on the post-ReLU activations, always true: "
                  "gradient flows through the inactive units",
     "expected": ("relu", "mask", "derivative", "inactive", "activation")},
    {"id": "VW16", "side": "numpy", "args": multilabel(numpy="16_decayafteraccum_numpy.py"),
     "mechanism": "Adagrad accumulator fed the raw gradient squared, the weight-decay term wd p added "
                  "only afterwards for the step (torch adds it before accumulating)",
     "expected": ("weight decay", "accumulator", "sum", "order", "decay")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VW17", "side": "correct", "args": quantile_alt(),
     "mechanism": "correct: quantile MLP with weights kept (out, in), einsum products, np.where pinball "
                  "loss and gradient, RMSprop square average updated in place",
     "expected": ()},
    {"id": "VW18", "side": "correct", "args": multilabel_alt_port(),
     "mechanism": "correct: port with bare nn.Parameters kept (in, out), torch.addmm, weighted BCE "
                  "written with F.logsigmoid, zero_grad(set_to_none=True)",
     "expected": ()},
    {"id": "VW19", "side": "correct", "args": multilabel_layers(),
     "mechanism": "correct: NumPy multi-label net with a list of [W, b] layers, softplus BCE, gradient "
                  "(1 + (pw - 1) y) s - pw y with a tanh-form sigmoid, Adagrad accumulated with np.add(out=)",
     "expected": ()},
]
