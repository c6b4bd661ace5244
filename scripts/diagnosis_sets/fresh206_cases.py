"""Two hundred and sixth fresh held-out set for the diagnosis: one planted bug per program in
fresh206/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is character-level CNN
text classifiers written by hand: an embedding table looked up by the token ids of the data,
1-D convolutions of one or two widths over the sequence, ReLU, max-over-time pooling, a
softmax cross-entropy head (mean over the batch); Adam or SGD with momentum written by hand.

The base programs (data from fresh206/make_data.py, fixed seed, nothing random while training;
X int64 character ids padded with 0 at the end, y int64 in {0, 1, 2, 3}):

    char_numpy.py:CharCNN / char_torch.py:CharCNN, chars.npz X (32, 16), y (32,), vocabulary 24
        embedding E (24, 8) (row 0, the padding character, learned like the others); conv of
        width 3, valid, 8 -> 8 filters with bias (NumPy: a loop over the 3 kernel offsets, kernel
        kept (width, emb, filters)); ReLU; max over time (gradient to the argmax); dense 8 -> 4
        (W kept (in, out)). Adam lr 0.01, betas (0.9, 0.999), eps 1e-8 outside the square root,
        bias-corrected, as torch.optim.Adam.
    multi_numpy.py:MultiWidthCNN / multi_torch.py:MultiWidthCNN, multi.npz X (48, 16), y (48,)
        embedding (24, 8) with padding_idx 0 (row 0 zero, its gradient zeroed); two convolutions,
        widths 2 and 4, 6 filters each with bias (NumPy: sliding windows and einsum, torch
        layouts); ReLU; max over time; concatenation [width 2, width 4]; dense 12 -> 4 (torch
        layout). SGD lr 0.1, momentum 0.9 (v = mu v + g, p -= lr v), weight decay 1e-3 coupled
        as torch.optim.SGD (g + wd p into the velocity), on every parameter.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh206_cases

Each case:
    id          short name (prefixed VX)
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

F = "scripts/diagnosis_sets/fresh206/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def char(numpy="char_numpy.py", port="char_torch.py"):
    return [F + numpy + ":CharCNN", "--torch", F + port + ":CharCNN",
            "--data", F + "chars.npz", "--as-written",
            "--param", "E=emb.weight",
            "--param", "Wc=conv.weight.permute(2,1,0)",
            "--param", "bc=conv.bias",
            "--param", "Wo=fc.weight.T",
            "--param", "bo=fc.bias", *RUN]


def char_alt():
    return [F + "char_alt_numpy.py:CharCNNAlt", "--torch", F + "char_torch.py:CharCNN",
            "--data", F + "chars.npz", "--as-written",
            "--param", "p['emb']=emb.weight",
            "--param", "p['kernel']=conv.weight",
            "--param", "p['kbias']=conv.bias",
            "--param", "p['proj']=fc.weight",
            "--param", "p['pbias']=fc.bias", *RUN]


def multi(numpy="multi_numpy.py", port="multi_torch.py"):
    return [F + numpy + ":MultiWidthCNN", "--torch", F + port + ":MultiWidthCNN",
            "--data", F + "multi.npz", "--as-written",
            "--param", "params['emb']=embedding.weight",
            "--param", "params['w2']=convs.0.weight",
            "--param", "params['b2']=convs.0.bias",
            "--param", "params['w4']=convs.1.weight",
            "--param", "params['b4']=convs.1.bias",
            "--param", "params['W']=classifier.weight",
            "--param", "params['b']=classifier.bias", *RUN]


def multi_alt_port():
    return [F + "multi_numpy.py:MultiWidthCNN", "--torch", F + "multi_alt_torch.py:MultiWidthCNNAlt",
            "--data", F + "multi.npz", "--as-written",
            "--param", "params['emb']=E",
            "--param", "params['w2']=K2",
            "--param", "params['b2']=c2",
            "--param", "params['w4']=K4",
            "--param", "params['b4']=c4",
            "--param", "params['W']=Wout",
            "--param", "params['b']=bout", *RUN]


def multi_loop():
    return [F + "multi_alt_numpy.py:MultiWidthCNNLoop", "--torch", F + "multi_torch.py:MultiWidthCNN",
            "--data", F + "multi.npz", "--as-written",
            "--param", "emb=embedding.weight",
            "--param", "conv2_w=convs.0.weight",
            "--param", "conv2_b=convs.0.bias",
            "--param", "conv4_w=convs.1.weight",
            "--param", "conv4_b=convs.1.bias",
            "--param", "out_w=classifier.weight.T",
            "--param", "out_b=classifier.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VX01", "side": "port", "args": char(port="01_samepad_port.py"),
     "mechanism": "nn.Conv1d(..., padding=width // 2): a 'same' convolution over zero-padded ends "
                  "where the NumPy program convolves only the valid positions (16 instead of 14)",
     "expected": ("padding", "pad", "same", "valid")},
    {"id": "VX02", "side": "port", "args": char(port="02_viewlayout_port.py"),
     "mechanism": "embeddings (N, L, D) reshaped with .view(N, D, L) instead of transpose(1, 2) "
                  "before Conv1d: the entries are scrambled, not the axes swapped",
     "expected": ("view", "reshape", "transpose", "layout", "permute")},
    {"id": "VX03", "side": "port", "args": char(port="03_beta2_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999",
     "expected": ("beta2", "betas", "0.999", "second moment", "exp_avg_sq")},
    {"id": "VX04", "side": "port", "args": char(port="04_smoothing_port.py"),
     "mechanism": "F.cross_entropy(..., label_smoothing=0.1) where the NumPy loss is plain "
                  "softmax cross-entropy on hard labels",
     "expected": ("label smoothing", "label_smoothing", "smoothing", "loss", "target")},
    {"id": "VX05", "side": "port", "args": multi(port="05_decaygroups_port.py"),
     "mechanism": "SGD parameter groups exempt the biases and the embedding table from weight "
                  "decay (weight_decay 0), where the NumPy program decays every parameter",
     "expected": ("weight decay", "weight_decay", "decay", "bias", "embedding")},
    {"id": "VX06", "side": "port", "args": multi(port="06_nopadidx_port.py"),
     "mechanism": "nn.Embedding without padding_idx=0: the padding row receives gradient and is "
                  "updated, where the NumPy program zeroes its gradient",
     "expected": ("padding_idx", "padding", "pad", "row 0", "embedding")},
    {"id": "VX07", "side": "port", "args": multi(port="07_catorder_port.py"),
     "mechanism": "the pooled features concatenated in the order [width 4, width 2] instead of "
                  "[width 2, width 4]: the classifier columns meet the other branch's features",
     "expected": ("concat", "order", "cat", "swapped", "branch")},
    {"id": "VX08", "side": "port", "args": multi(port="08_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out of train_step: gradients accumulate across steps",
     "expected": ("zero_grad", "accumulat", "accumulate", "not reset", "summed over steps")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VX09", "side": "numpy", "args": char(numpy="09_epsinsqrt_numpy.py"),
     "mechanism": "Adam eps added inside the square root, sqrt(v_hat + eps), instead of "
                  "sqrt(v_hat) + eps",
     "expected": ("eps", "epsilon", "sqrt", "square root", "denominator")},
    {"id": "VX10", "side": "numpy", "args": char(numpy="10_fancyadd_numpy.py"),
     "mechanism": "embedding gradient scattered with dE[X] += dx (buffered fancy indexing) "
                  "instead of np.add.at: a character repeated in the batch counts only once",
     "expected": ("add.at", "repeated", "duplicate", "scatter", "embedding")},
    {"id": "VX11", "side": "numpy", "args": char(numpy="11_lastwindow_numpy.py"),
     "mechanism": "number of convolution positions T = L - k instead of L - k + 1: the last "
                  "window is dropped from the convolution and the max over time (off by one)",
     "expected": ("off-by-one", "off by one", "last", "window", "position")},
    {"id": "VX12", "side": "numpy", "args": char(numpy="12_flipdx_numpy.py"),
     "mechanism": "input gradient of the convolution uses the kernel flipped in time "
                  "(Wc[k-1-j] for offset j): wrong embedding gradient only",
     "expected": ("flip", "flipped", "reversed", "kernel", "embedding")},
    {"id": "VX13", "side": "numpy", "args": multi(numpy="13_sumgrad_numpy.py"),
     "mechanism": "softmax cross-entropy gradient not divided by the batch size (probs - onehot) "
                  "while the loss is the batch mean: every gradient 48 times too large",
     "expected": ("batch size", "mean", "sum", "reduction", "48")},
    {"id": "VX14", "side": "numpy", "args": multi(numpy="14_decayoutside_numpy.py"),
     "mechanism": "weight decay added to the step outside the momentum (p -= lr (v + wd p)) "
                  "instead of into the gradient before the velocity, as torch.optim.SGD",
     "expected": ("weight decay", "weight_decay", "momentum", "velocity", "decay")},
    {"id": "VX15", "side": "numpy", "args": multi(numpy="15_maxaxis_numpy.py"),
     "mechanism": "softmax stabilised by subtracting the max over axis 0 (per class over the "
                  "batch) instead of each row's max: the probabilities and the loss change",
     "expected": ("axis", "softmax", "max", "row", "stabil")},
    {"id": "VX16", "side": "numpy", "args": multi(numpy="16_noreset_numpy.py"),
     "mechanism": "embedding gradient accumulated into a buffer kept across steps and never "
                  "zeroed: the embedding gradient sums all previous steps' gradients",
     "expected": ("reset", "accumulat", "zero", "previous", "embedding")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VX17", "side": "correct", "args": char_alt(),
     "mechanism": "correct: NumPy char CNN with sliding_window_view im2col, kernel in torch layout, "
                  "embedding gradient one-hot^T @ dx, in-place Adam with folded bias corrections",
     "expected": ()},
    {"id": "VX18", "side": "correct", "args": multi_alt_port(),
     "mechanism": "correct: port with raw nn.Parameters, F.embedding(padding_idx=0), unfold + einsum "
                  "convolutions, amax pooling, log_softmax + nll_loss, zero_grad(set_to_none=True)",
     "expected": ()},
    {"id": "VX19", "side": "correct", "args": multi_loop(),
     "mechanism": "correct: NumPy two-width CNN with loops over time positions and tensordot, dense "
                  "weight kept (in, out), row-by-row embedding gradient, in-place momentum SGD",
     "expected": ()},
]
