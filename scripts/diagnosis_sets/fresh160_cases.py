"""One hundred and sixtieth fresh held-out set for the diagnosis: one planted bug per program in
fresh160/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is classic MLP training
written by hand with less common optimizers, losses and activations: Adadelta, NAdam, centered
RMSprop with momentum, Adamax; focal loss, label-smoothed cross-entropy, smooth L1 with beta,
KL divergence to soft targets; ELU, SiLU, Mish, LeakyReLU, softplus, SELU.

The base programs (data from fresh160/make_data.py, fixed seed, nothing random while training):

    focal_numpy.py:FocalMLP / focal_torch.py:FocalMLP, focal.npz X (32, 6), y (32,) in {0, 1, 2}
        dense 6->24 (W kept (in, out), attributes W1 b1 W2 b2), ELU (alpha 1), dense 24->3;
        multi-class focal loss, gamma 2, mean over the batch (torch: built on
        F.cross_entropy(reduction='none'), pt = exp(-ce)). Adadelta lr 1.0, rho 0.95, eps 1e-6
        (torch.optim.Adadelta).
    smooth_numpy.py:SmoothNet / smooth_torch.py:SmoothNet, smooth.npz X (16, 8), y (16,) in 0..3
        dense 8->16 SiLU, 16->12 Mish, 12->4 (params dict, W kept (in, out)); cross-entropy with
        label smoothing 0.1 (soft target (1 - eps) onehot + eps / K), mean over the batch
        (F.cross_entropy(label_smoothing=0.1)). NAdam lr 0.01, betas (0.9, 0.999), eps 1e-8,
        momentum_decay 4e-3 with the mu_product schedule (torch.optim.NAdam).
    huber_numpy.py:HuberRegressor / huber_torch.py:HuberRegressor, huber.npz X (24, 5), y (24, 2)
        float regression targets with outliers
        dense 5->16 LeakyReLU(0.1), 16->12 softplus, 12->2 (list of layer dicts, W kept (out, in);
        port nn.Sequential); smooth L1 loss with beta 0.5, mean over all elements
        (F.smooth_l1_loss(beta=0.5)). RMSprop lr 0.005, alpha 0.9, eps 1e-8, momentum 0.9,
        centered=True (torch.optim.RMSprop).
    kl_numpy.py:KLNet / kl_torch.py:KLNet, kl.npz X (24, 10), y (24, 4) soft targets (rows sum to 1)
        dense 10->16 SELU, 16->16 SELU, 16->4, log-softmax (lists weights / biases, W kept
        (in, out); port nn.ModuleList); KL(target || model) summed over classes, divided by the
        batch size (F.kl_div(log_probs, target, reduction='batchmean')). Adamax lr 0.02,
        betas (0.9, 0.999), eps 1e-8 (torch.optim.Adamax).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh160_cases

Each case:
    id          short name (prefixed UD)
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

F = "scripts/diagnosis_sets/fresh160/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def focal(numpy="focal_numpy.py", port="focal_torch.py"):
    return [F + numpy + ":FocalMLP", "--torch", F + port + ":FocalMLP",
            "--data", F + "focal.npz", "--as-written",
            "--param", "W1=fc1.weight.T",
            "--param", "b1=fc1.bias",
            "--param", "W2=fc2.weight.T",
            "--param", "b2=fc2.bias", *RUN]


def focal_alt():
    return [F + "focal_alt_numpy.py:FocalMLPAlt", "--torch", F + "focal_torch.py:FocalMLP",
            "--data", F + "focal.npz", "--as-written",
            "--param", "p['w1']=fc1.weight",
            "--param", "p['c1']=fc1.bias",
            "--param", "p['w2']=fc2.weight",
            "--param", "p['c2']=fc2.bias", *RUN]


def smooth(numpy="smooth_numpy.py", port="smooth_torch.py"):
    return [F + numpy + ":SmoothNet", "--torch", F + port + ":SmoothNet",
            "--data", F + "smooth.npz", "--as-written",
            "--param", "params['W1']=hidden1.weight.T",
            "--param", "params['b1']=hidden1.bias",
            "--param", "params['W2']=hidden2.weight.T",
            "--param", "params['b2']=hidden2.bias",
            "--param", "params['W3']=out.weight.T",
            "--param", "params['b3']=out.bias", *RUN]


def smooth_alt():
    return [F + "smooth_alt_numpy.py:SmoothNetAlt", "--torch", F + "smooth_torch.py:SmoothNet",
            "--data", F + "smooth.npz", "--as-written",
            "--param", "W1=hidden1.weight",
            "--param", "b1=hidden1.bias",
            "--param", "W2=hidden2.weight",
            "--param", "b2=hidden2.bias",
            "--param", "W3=out.weight",
            "--param", "b3=out.bias", *RUN]


def huber(numpy="huber_numpy.py", port="huber_torch.py"):
    return [F + numpy + ":HuberRegressor", "--torch", F + port + ":HuberRegressor",
            "--data", F + "huber.npz", "--as-written",
            "--param", "layers[0]['W']=net.0.weight",
            "--param", "layers[0]['b']=net.0.bias",
            "--param", "layers[1]['W']=net.2.weight",
            "--param", "layers[1]['b']=net.2.bias",
            "--param", "layers[2]['W']=net.4.weight",
            "--param", "layers[2]['b']=net.4.bias", *RUN]


def huber_alt():
    return [F + "huber_numpy.py:HuberRegressor", "--torch", F + "huber_alt_torch.py:HuberRegressorAlt",
            "--data", F + "huber.npz", "--as-written",
            "--param", "layers[0]['W']=fc1.weight",
            "--param", "layers[0]['b']=fc1.bias",
            "--param", "layers[1]['W']=fc2.weight",
            "--param", "layers[1]['b']=fc2.bias",
            "--param", "layers[2]['W']=head.weight",
            "--param", "layers[2]['b']=head.bias", *RUN]


def kl(numpy="kl_numpy.py", port="kl_torch.py"):
    return [F + numpy + ":KLNet", "--torch", F + port + ":KLNet",
            "--data", F + "kl.npz", "--as-written",
            "--param", "weights[0]=layers.0.weight.T",
            "--param", "biases[0]=layers.0.bias",
            "--param", "weights[1]=layers.1.weight.T",
            "--param", "biases[1]=layers.1.bias",
            "--param", "weights[2]=layers.2.weight.T",
            "--param", "biases[2]=layers.2.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UD01", "side": "port", "args": focal(port="01_adadeltarho_port.py"),
     "mechanism": "torch.optim.Adadelta(lr=1.0) with its default rho=0.9 where the NumPy "
                  "Adadelta uses rho 0.95 (the paper / Keras value): both running averages decay "
                  "faster",
     "expected": ("rho", "adadelta", "decay", "running average", "0.95")},
    {"id": "UD02", "side": "port", "args": focal(port="02_focaldetach_port.py"),
     "mechanism": "focal modulating factor (1 - pt)^gamma computed from pt.detach(): the loss is "
                  "the same but no gradient flows through the factor, so every gradient differs",
     "expected": ("detach", "focal", "modulating", "no gradient", "(1 - pt)")},
    {"id": "UD03", "side": "port", "args": smooth(port="03_smoothk1_port.py"),
     "mechanism": "label smoothing written by hand with eps / (K - 1) on the other classes and "
                  "1 - eps on the true one, where the NumPy program (as F.cross_entropy's "
                  "label_smoothing) gives eps / K to every class",
     "expected": ("label smoothing", "smoothing", "k - 1", "soft target", "eps / k")},
    {"id": "UD04", "side": "port", "args": smooth(port="04_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out of train_step: .grad accumulates over the "
                  "steps (from step 2 the NAdam step sees the sum of all gradients so far)",
     "expected": ("zero_grad", "accumulat", "accumulate", "gradient accumulation", "sum of")},
    {"id": "UD05", "side": "port", "args": huber(port="05_huberbeta_port.py"),
     "mechanism": "F.smooth_l1_loss without beta=0.5: the default beta 1.0 moves the quadratic / "
                  "linear threshold and scales the quadratic part",
     "expected": ("beta", "smooth_l1", "smooth l1", "huber", "threshold", "delta")},
    {"id": "UD06", "side": "port", "args": huber(port="06_notcentered_port.py"),
     "mechanism": "torch.optim.RMSprop without centered=True: the denominator is sqrt(E[g^2]) "
                  "instead of sqrt(E[g^2] - E[g]^2)",
     "expected": ("centered", "grad_avg", "rmsprop", "variance", "mean gradient")},
    {"id": "UD07", "side": "port", "args": kl(port="07_klmean_port.py"),
     "mechanism": "F.kl_div(reduction='mean') instead of 'batchmean': the sum is divided by N*K "
                  "(every element) instead of N, the loss and all gradients 4 times too small",
     "expected": ("batchmean", "reduction", "mean", "4", "number of classes")},
    {"id": "UD08", "side": "port", "args": kl(port="08_klprobs_port.py"),
     "mechanism": "forward returns F.softmax probabilities and F.kl_div is fed them as its input, "
                  "which F.kl_div reads as log-probabilities (log_softmax left out)",
     "expected": ("log_softmax", "log-probabilities", "log probabilities", "softmax", "kl_div")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UD09", "side": "numpy", "args": focal(numpy="09_eluderiv_numpy.py"),
     "mechanism": "ELU derivative for z <= 0 taken as the activation a = alpha (e^z - 1) instead "
                  "of a + alpha = alpha e^z",
     "expected": ("elu", "derivative", "activation", "alpha", "b1.grad")},
    {"id": "UD10", "side": "numpy", "args": focal(numpy="10_adadeltaeps_numpy.py"),
     "mechanism": "Adadelta denominator written sqrt(E[g^2]) + eps instead of sqrt(E[g^2] + eps): "
                  "eps outside the square root (a small change of every update)",
     "expected": ("eps", "epsilon", "square root", "sqrt", "adadelta")},
    {"id": "UD11", "side": "numpy", "args": smooth(numpy="11_muproduct_numpy.py"),
     "mechanism": "NAdam momentum term divided by 1 - mu_product instead of "
                  "1 - mu_product * mu_next (the next step's factor left out of the product)",
     "expected": ("mu_product", "mu_next", "nadam", "momentum", "bias correction")},
    {"id": "UD12", "side": "numpy", "args": smooth(numpy="12_mishderiv_numpy.py"),
     "mechanism": "Mish derivative missing the softplus' = sigmoid(z) factor: "
                  "tanh(sp) + z sech^2(sp) instead of tanh(sp) + z sech^2(sp) sigmoid(z)",
     "expected": ("mish", "derivative", "sigmoid", "activation", "softplus")},
    {"id": "UD13", "side": "numpy", "args": huber(numpy="13_hubergrad_numpy.py"),
     "mechanism": "smooth L1 gradient in the quadratic region taken as d instead of d / beta "
                  "(beta 0.5: residuals under 0.5 get half their gradient)",
     "expected": ("beta", "smooth l1", "huber", "quadratic", "1/beta", "d / beta")},
    {"id": "UD14", "side": "numpy", "args": huber(numpy="14_centerorder_numpy.py"),
     "mechanism": "centered RMSprop denominator computed with the previous step's grad_avg "
                  "(grad_avg updated after it is used): stale mean gradient",
     "expected": ("grad_avg", "centered", "order", "stale", "previous", "rmsprop")},
    {"id": "UD15", "side": "numpy", "args": kl(numpy="15_adamaxbc_numpy.py"),
     "mechanism": "Adamax step without the bias correction lr / (1 - beta1^t): the step-1 update "
                  "10x too small, the ratio to the correct update moving with the step",
     "expected": ("bias correction", "bias-correct", "1 - beta1", "adamax", "exp_avg")},
    {"id": "UD16", "side": "numpy", "args": kl(numpy="16_softmaxaxis_numpy.py"),
     "mechanism": "log-softmax normaliser summed over axis 0 (the batch) instead of axis 1 "
                  "(the classes): wrong axis in the output log-probabilities",
     "expected": ("axis", "softmax", "log-softmax", "batch", "normal")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UD17", "side": "correct", "args": focal_alt(),
     "mechanism": "correct: NumPy focal MLP with W kept (out, in) in a dict, einsum products, ELU "
                  "by expm1, focal gradient written as w * (p - onehot), in-place Adadelta",
     "expected": ()},
    {"id": "UD18", "side": "correct", "args": huber_alt(),
     "mechanism": "correct: port with named layers and functional activations, loss "
                  "F.huber_loss(delta=0.5) / 0.5 (equal to smooth L1 with beta 0.5), step by a closure",
     "expected": ()},
    {"id": "UD19", "side": "correct", "args": smooth_alt(),
     "mechanism": "correct: NumPy label-smoothing net with W kept (out, in) as attributes, loss as "
                  "(1 - eps) NLL + eps mean(-log p), NAdam in place with the two terms folded",
     "expected": ()},
]
