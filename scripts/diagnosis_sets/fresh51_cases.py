"""Fifty-first fresh held-out set for the diagnosis: one planted bug per program in fresh51/
(eight PyTorch ports, six of them checked against a NumPy program of their own, and seven NumPy
programs, six of them checked against a correct port of their own) and three correct programs.
The theme is autoencoders written by hand in NumPy and ported to PyTorch: a sparse autoencoder
with the KL sparsity penalty on each hidden unit's mean activation,
rho log(rho / rho_hat) + (1 - rho) log((1 - rho) / (1 - rho_hat)); a denoising autoencoder whose
fixed corruption mask is stored in the data (the clean readings as the target); a contractive
autoencoder with the closed-form penalty ||dh/dx||_F^2 = sum_j (h_j (1 - h_j))^2 sum_i W_ij^2;
an undercomplete autoencoder with a sigmoid bottleneck and a linear decoder; the reconstruction
scored with binary cross-entropy against readings in [0, 1]. fresh51/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh51_cases

Each case:
    id          short name (prefixed PY)
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
of the development set (cases.py) and fresh/, fresh2/, ..., fresh50/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference, marked `# fix:`) to pass
(exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh51/"
port, numpy_net = in_folder(F)

PATCHES, MASKED = F + "patches.npz", F + "masked.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


SPARSE = ("--data", PATCHES, *params("W1=encoder.weight.T", "b1=encoder.bias", "W2=decoder.weight.T",
                                     "b2=decoder.bias"))
CONTRACTIVE = ("--data", PATCHES, *params("W1=enc.weight.T", "b1=enc.bias", "W2=dec.weight.T", "b2=dec.bias"))
DENOISING = ("--data", MASKED, *params("params['W_enc']=encoder.0.weight.T", "params['b_enc']=encoder.0.bias",
                                       "params['W_dec']=decoder.weight.T", "params['b_dec']=decoder.bias"))


def sparse_port(file: str) -> list[str]:
    return pair("sparse_numpy.py", "SparseAE", file, "SparseAE", *SPARSE)


def sparse_numpy(file: str) -> list[str]:
    return pair(file, "SparseAE", "sparse_torch.py", "SparseAE", *SPARSE)


def contractive_port(file: str) -> list[str]:
    return pair("contractive_numpy.py", "ContractiveAE", file, "ContractiveAE", *CONTRACTIVE)


def contractive_numpy(file: str) -> list[str]:
    return pair(file, "ContractiveAE", "contractive_torch.py", "ContractiveAE", *CONTRACTIVE)


def denoising_port(file: str) -> list[str]:
    return pair("denoising_numpy.py", "DenoisingAE", file, "DenoisingAE", *DENOISING)


def denoising_numpy(file: str) -> list[str]:
    return pair(file, "DenoisingAE", "denoising_torch.py", "DenoisingAE", *DENOISING)


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PY01_sparse_kl_swapped", side="port",
         args=sparse_port("01_sparse_kl_swapped_torch.py"),
         mechanism="pair: the port's sparsity penalty has rho and rho_hat exchanged, sum rho_hat log(rho_hat / rho) "
                   "+ (1 - rho_hat) log((1 - rho_hat) / (1 - rho)) = KL(rho_hat || rho) instead of KL(rho || rho_hat): "
                   "the penalty's value and its derivative in rho_hat (log(rho_hat / rho) - log((1 - rho_hat) / "
                   "(1 - rho)) instead of -rho / rho_hat + (1 - rho) / (1 - rho_hat)) differ, so the encoder (W1, b1) "
                   "gets the wrong sparsity gradient; the decoder's gradients are right",
         expected=("kl", "kullback", "sparsity", "sparse", "rho", "rho_hat", "swapped", "exchanged", "reversed",
                   "reverse kl", "wrong direction", "kl(rho_hat", "arguments", "mean activation", "penalty",
                   "encoder", "beta")),
    dict(id="PY02_sparse_kl_div", side="port",
         args=sparse_port("02_sparse_kl_div_torch.py"),
         mechanism="pair: the port writes the sparsity penalty as F.kl_div(torch.log(rho_hat), full(rho), "
                   "reduction='sum'), which is sum rho (log rho - log rho_hat), only the first term of the Bernoulli "
                   "KL: the (1 - rho) log((1 - rho) / (1 - rho_hat)) term is missing, so the sparsity gradient on "
                   "rho_hat is -rho / rho_hat instead of -rho / rho_hat + (1 - rho) / (1 - rho_hat) (it always pushes "
                   "the activations up); the encoder's gradients (W1, b1) are wrong, the decoder's right",
         expected=("kl_div", "kl div", "kl", "kullback", "bernoulli", "1 - rho", "(1 - rho)", "second term",
                   "missing term", "one term", "complement", "sparsity", "sparse", "rho_hat", "penalty", "encoder",
                   "categorical", "distribution")),
    dict(id="PY03_contractive_unsquared", side="port",
         args=contractive_port("03_contractive_unsquared_torch.py"),
         mechanism="pair: the contractive penalty's Jacobian factor is left unsquared, sum_j h_j (1 - h_j) "
                   "sum_i W_ij^2 instead of sum_j (h_j (1 - h_j))^2 sum_i W_ij^2 (dh * w_sum instead of dh ** 2 * "
                   "w_sum): the penalty is not ||dh/dx||_F^2, its value is larger (h (1 - h) <= 1/4) and its "
                   "gradients through h and W differ, so the encoder (W1, b1) gets the wrong gradient; the decoder's "
                   "are right",
         expected=("contractive", "jacobian", "frobenius", "square", "squared", "unsquared", "not squared",
                   "dh ** 2", "(h (1 - h))^2", "h * (1 - h)", "sigmoid derivative", "penalty", "dh/dx", "encoder",
                   "power", "lambda")),
    dict(id="PY04_contractive_state_dict", side="port",
         args=contractive_port("04_contractive_state_dict_torch.py"),
         mechanism="pair: the port reads the encoder weight for the contractive penalty from model.state_dict()"
                   "['enc.weight'], a detached tensor: the penalty's value is right but autograd gets no gradient "
                   "through its sum_i W_ij^2 factor, so the direct term 2 lambda W_ij sum_n (h_j (1 - h_j))^2 / m is "
                   "missing from W1's gradient (only the path through h remains); b1 and the decoder are right",
         expected=("state_dict", "state dict", "detached", "detach", "no gradient", "not tracked", "autograd",
                   "graph", "requires_grad", "weight", "contractive", "penalty", "direct term", "missing term",
                   "w_ij^2", "enc.weight", "frobenius")),
    dict(id="PY05_clamped_linear_decoder", side="port",
         args=port("05_clamped_decoder_port.py", "Net", *OPT, "--data", PATCHES, "--hidden-activation", "sigmoid",
                   "--output-activation", "linear", "--loss", "mse", "--lr", "0.5"),
         mechanism="the linear decoder's reconstruction is clamped to the data range, self.decoder(code).clamp(0, 1): "
                   "every output outside [0, 1] is cut to the bound and passes no gradient (clamp's derivative is 0 "
                   "there), so the loss, the output delta and every gradient differ wherever a reconstruction leaves "
                   "[0, 1] (the decoder is linear in the kit's network)",
         expected=("clamp", "clip", "clipped", "clamped", "range", "[0, 1]", "0, 1", "bound", "saturat",
                   "zero gradient", "no gradient", "linear", "output", "decoder", "reconstruction", "derivative")),
    dict(id="PY06_bce_swapped_arguments", side="port",
         args=port("06_bce_swapped_port.py", "Net", *OPT, "--data", PATCHES, "--hidden-activation", "sigmoid",
                   "--loss", "bce", "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.5"),
         mechanism="the reconstruction BCE is called with its arguments swapped, F.binary_cross_entropy(y, x_hat) "
                   "instead of (x_hat, y): the readings become the 'probabilities' and the reconstruction the "
                   "target, the loss -mean(x_hat log x + (1 - x_hat) log(1 - x)), whose gradient in x_hat is "
                   "-logit(x) / size (fixed by the data) instead of (x_hat - x) / (x_hat (1 - x_hat) size)",
         expected=("swapped", "swap", "argument order", "arguments", "order", "input and target", "target",
                   "binary_cross_entropy", "bce", "reversed", "exchanged", "logit(x)", "log(x)", "reconstruction",
                   "cross-entropy", "cross entropy")),
    dict(id="PY07_denoising_rescaled_input", side="port",
         args=denoising_port("07_denoising_rescaled_torch.py"),
         mechanism="pair: the port corrupts like inverted dropout, keeping the unmasked readings divided by the keep "
                   "rate 0.75 (clean / 0.75 where the mask is 1) instead of the readings themselves: the encoder's "
                   "input is 4/3 times the NumPy program's on every kept entry, so the code, the reconstruction, the "
                   "loss and every gradient differ from the first step",
         expected=("dropout", "inverted dropout", "rescal", "scale", "scaled", "1 / (1 - p)", "keep rate", "0.75",
                   "4/3", "1.33", "corrupt", "mask", "noisy input", "input", "denoising")),
    dict(id="PY08_sparse_detached_rho_hat", side="port",
         args=sparse_port("08_sparse_detached_torch.py"),
         mechanism="pair: the port detaches the mean activation as if it were a running statistic, rho_hat = "
                   "h.mean(dim=0).detach(): the KL penalty's value is right but passes no gradient, so the sparsity "
                   "term beta (-rho / rho_hat + (1 - rho) / (1 - rho_hat)) / m is missing from the encoder's "
                   "gradients (W1, b1); the decoder's are right",
         expected=("detach", "detached", "no gradient", "not differentiated", "autograd", "graph", "rho_hat",
                   "sparsity", "sparse", "kl", "penalty", "mean activation", "missing", "encoder", "running")),
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PY09_sparse_rho_hat_over_units", side="numpy",
         args=sparse_numpy("09_sparse_units_mean_numpy.py"),
         mechanism="pair: rho_hat is averaged over the hidden units of each row, h.mean(axis=1, keepdims=True) "
                   "(shape (m, 1)), instead of over the rows for each unit, h.mean(axis=0) (shape (5,)): the KL is "
                   "summed over the m row means instead of the 5 unit means and its derivative broadcast across "
                   "each row's units, so the loss and the encoder's gradients (W1, b1) are wrong",
         expected=("axis", "axis=0", "axis=1", "rows", "units", "over the batch", "hidden units", "mean",
                   "average", "rho_hat", "sparsity", "kl", "wrong axis", "per row", "per unit", "keepdims",
                   "broadcast")),
    dict(id="PY10_sparse_derivative_no_m", side="numpy",
         args=[*sparse_numpy("10_sparse_no_m_numpy.py"), "--dtype", "float64"],
         mechanism="pair: the sparsity term's derivative beta (-rho / rho_hat + (1 - rho) / (1 - rho_hat)) is added "
                   "to the hidden delta without the / m of rho_hat's mean over the rows, while the reconstruction "
                   "delta is already divided by m: the sparsity part of the encoder's gradients (W1, b1) is m = 32 "
                   "times too large; the loss and the decoder's gradients are right",
         expected=("/ m", "1/m", "divide", "divided", "batch size", "mean", "32", "factor", "sparsity", "sparse",
                   "kl", "rho_hat", "derivative", "too large", "scale", "encoder")),
    dict(id="PY11_contractive_wrong_axis", side="numpy",
         args=contractive_numpy("11_contractive_axis_numpy.py"),
         mechanism="pair: the contractive penalty's sum_i W_ij^2 is taken over the wrong axis of the (in, out) "
                   "weight, np.sum(W1 ** 2, axis=1) (each input's row, summed over the hidden units) instead of "
                   "axis=0 (each hidden unit's column, summed over the inputs); the weight is square (8 x 8) so it "
                   "broadcasts silently: the penalty's value and its gradient through h are wrong",
         expected=("axis", "axis=0", "axis=1", "wrong axis", "rows", "columns", "transpose", "sum_i",
                   "w_ij^2", "contractive", "jacobian", "frobenius", "penalty", "square", "weight norm", "encoder")),
    dict(id="PY12_contractive_missing_chain_factor", side="numpy",
         args=contractive_numpy("12_contractive_chain_numpy.py"),
         mechanism="pair: the hand-written derivative of (h (1 - h))^2 with respect to h drops the inner factor "
                   "d/dh [h (1 - h)] = 1 - 2h, 2 s w instead of 2 s (1 - 2h) w (s = h (1 - h), w_j = sum_i W_ij^2): "
                   "the penalty's gradient through the code is wrong (wrong sign wherever h > 1/2), so W1's and b1's "
                   "gradients differ; the loss, the direct W term and the decoder are right",
         expected=("1 - 2h", "1 - 2 * h", "chain rule", "product rule", "inner derivative", "derivative",
                   "missing factor", "contractive", "jacobian", "penalty", "d_h_pen", "sigmoid", "encoder",
                   "through h", "second derivative")),
    dict(id="PY13_denoising_mask_inverted", side="numpy",
         args=denoising_numpy("13_denoising_mask_inverted_numpy.py"),
         mechanism="pair: the stored keep-mask (1 = keep) is applied as a drop-mask, x_tilde = clean * (1 - mask) "
                   "instead of clean * mask: the encoder sees only the quarter of the readings meant to be zeroed, "
                   "the rest zeroed, so the code, the reconstruction, the loss and every gradient differ",
         expected=("mask", "inverted", "1 - mask", "complement", "keep", "drop", "zeroed", "corrupt", "corruption",
                   "noisy", "input", "denoising", "convention", "flipped")),
    dict(id="PY14_bce_binarised_target", side="numpy",
         args=numpy_net("14_bce_binarised_numpy.py", "BCEAutoencoder", "--step", "net.train_step(X, y, 2.0)",
                        "--output", "x_hat", "--data", PATCHES, "--hidden-activation", "sigmoid", "--loss", "bce",
                        "--lr", "2.0"),
         mechanism="the reconstruction target is binarised as for binarised MNIST, (y > 0.5).astype(float), where "
                   "the BCE is meant against the real-valued readings in [0, 1]: the output delta is x_hat - "
                   "round(x) instead of x_hat - x, every reading pushed towards 0 or 1; against the kit's twin",
         expected=("binar", "threshold", "> 0.5", "0.5", "round", "rounded", "0 or 1", "target", "labels",
                   "real-valued", "continuous", "bce", "cross-entropy", "reconstruction", "data")),
    dict(id="PY15_sparse_reverse_kl_derivative", side="numpy",
         args=sparse_numpy("15_sparse_reverse_kl_grad_numpy.py"),
         mechanism="pair: the sparsity term's derivative is that of the reversed KL, beta (log(rho_hat / rho) - "
                   "log((1 - rho_hat) / (1 - rho))) / m, instead of beta (-rho / rho_hat + (1 - rho) / (1 - rho_hat)) "
                   "/ m, while the loss uses KL(rho || rho_hat): the encoder's gradients (W1, b1) do not match the "
                   "loss; the loss and the decoder's gradients are right",
         expected=("kl", "derivative", "reverse", "reversed", "swapped", "log(rho_hat", "-rho / rho_hat",
                   "rho / rho_hat", "sparsity", "sparse", "gradient", "does not match", "mismatch", "encoder",
                   "rho_hat", "finite difference")),
    # ------------------------------------------------------------------ correct programs
    dict(id="PYC1_correct_sparse", side="correct",
         args=pair("sparse_numpy.py", "SparseAE", "sparse_torch.py", "SparseAE", *SPARSE),
         mechanism="pair: UFLDL sparse autoencoder in NumPy (the KL's derivative inside the hidden delta, attribute "
                   "parameters updated through setattr) against nn.Linear layers with the KL written out", expected=()),
    dict(id="PYC2_correct_contractive", side="correct",
         args=pair("contractive_numpy.py", "ContractiveAE", "contractive_torch.py", "ContractiveAE", *CONTRACTIVE),
         mechanism="pair: contractive autoencoder, the penalty's gradient by hand through h (2 s (1 - 2h) w s) and "
                   "directly through W, a linear decoder and a square encoder weight, against autograd on the "
                   "closed-form Frobenius norm", expected=()),
    dict(id="PYC3_correct_denoising", side="correct",
         args=pair("denoising_numpy.py", "DenoisingAE", "denoising_torch.py", "DenoisingAE", *DENOISING),
         mechanism="pair: denoising autoencoder with the mask in the data (X = [readings | mask]), heavy-ball "
                   "momentum in dicts, against torch.tensor_split, torch.where, BCE with logits summed / m and "
                   "SGD(momentum)", expected=()),
]
